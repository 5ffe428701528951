/**
 * A short fingerprint of a learner's key, for people to compare by eye or over the phone:
 * the first 64 bits of SHA-256 of the `did:key`, in four groups of four hex digits. The
 * dashboard shows the learner theirs; the request page shows the mentor the one that
 * signed the request.
 */

/**
 * @example await keyFingerprint('did:key:z6Mk…') // '3FA2 91BC 0D44 7E19'
 */
export async function keyFingerprint(did: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(did)),
  );
  const hex = [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.toUpperCase().match(/.{4}/g)!.join(' ');
}
