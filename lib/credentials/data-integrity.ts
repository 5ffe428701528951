/**
 * Data Integrity proofs, cryptosuite `eddsa-rdfc-2022`, made and checked with Digital
 * Bazaar's libraries over the offline document loader: the proof wallets and verifiers
 * built on `@digitalcredentials/verifier-core` read. Any credential type works (Open Badges,
 * endorsements); the caller builds the credential and says what the check means.
 *
 * Heavy (JSON-LD and RDF canonicalisation): the dashboard imports this dynamically, only
 * when badges are made or checked.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import jsonld from 'jsonld';
import jsigs from 'jsonld-signatures';
import { ED25519, type Signer } from './did-key';
import { documentLoader } from './document-loader';
import { OB_CONTEXT } from './ob-context';

/** Longest credential checked, in characters of its JSON; what Skilltrail issues is far below. */
export const MAX_CREDENTIAL_CHARS = 1_000_000;

/** A credential with its embedded proofs. */
export type Signed<T> = T & { proof: Record<string, unknown>[] };

/**
 * Signs `credential` (unsigned; its `issuer` should be the signer's DID) with an embedded
 * `DataIntegrityProof`, `created` at `now`. `proof` is a list of one, as the 1EdTech JSON
 * Schemas require (JSON-LD reads one proof or a list alike). Throws when the credential is
 * not valid JSON-LD over the bundled contexts, so nothing unverifiable is ever issued.
 * @example const signed = await signDataIntegrity(credential, key.signer, { now: Date.now() });
 */
export async function signDataIntegrity<T extends object>(
  credential: T,
  signer: Signer,
  options: { now?: number } = {},
): Promise<Signed<T>> {
  const date = options.now === undefined ? undefined : new Date(options.now);
  const suite = new DataIntegrityProof({ signer, cryptosuite, ...(date ? { date } : {}) });
  const signed = await vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader,
    ...(date ? { now: date } : {}),
  });
  return { ...signed, proof: [signed.proof].flat() } as Signed<T>;
}

export type DataIntegrityErrorKey = 'malformed' | 'no-proof' | 'jsonld' | 'signature';

export type DataIntegrityResult =
  | {
      ok: true;
      /** The DID whose key made the proof (the verification method's controller). */
      signer: string;
      /** `verificationMethod` of the proof. */
      verificationMethod: string;
    }
  | { ok: false; key: DataIntegrityErrorKey; detail: string };

function message(e: unknown): string {
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unreadable';
  return text.slice(0, 300);
}

function firstError(result: { error?: unknown; results?: { error?: unknown }[] }): unknown {
  const e = result.error as { errors?: unknown[] } | undefined;
  return e?.errors?.[0] ?? e ?? result.results?.find((r) => r.error)?.error;
}

interface Verifier {
  id?: string;
  algorithm: string;
  verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
}

/** WebCrypto keys by Multikey: one page checks many records made by the same key. */
const webCryptoKeys = new Map<string, Promise<CryptoKey | null>>();

/**
 * The cryptosuite's verifier for a Multikey, checking through WebCrypto's native Ed25519
 * (several times faster than the library's script) where the browser has it, and through
 * the library's own where it has not. Canonicalisation stays the library's.
 */
async function createVerifier({
  verificationMethod,
}: {
  verificationMethod: Record<string, unknown>;
}): Promise<Verifier> {
  const multikey = await Ed25519Multikey.from(verificationMethod);
  const id = String(verificationMethod.id ?? '');
  let key = webCryptoKeys.get(multikey.publicKeyMultibase);
  if (!key) {
    key = multikey
      .export({ publicKey: true, includeContext: false, raw: true })
      .then(({ publicKey }) =>
        crypto.subtle.importKey('raw', publicKey as BufferSource, ED25519, false, ['verify']),
      )
      .catch(() => null);
    webCryptoKeys.set(multikey.publicKeyMultibase, key);
  }
  const native = await key;
  if (!native) return multikey.verifier();
  return {
    id,
    algorithm: 'Ed25519',
    verify: ({ data, signature }) =>
      crypto.subtle.verify(ED25519, native, signature as BufferSource, data as BufferSource),
  };
}

const verifyingSuite = { ...cryptosuite, createVerifier };

/**
 * Checks a credential's `eddsa-rdfc-2022` proof: the signature over the canonical
 * credential, and that the key is one its controller uses for assertions. Says who signed;
 * whether that is the issuer, and the validity period, are the caller's to judge
 * (`verify.ts`). Never throws.
 * @example const r = await verifyDataIntegrity(credential); r.ok && r.signer === issuerId
 */
export async function verifyDataIntegrity(credential: unknown): Promise<DataIntegrityResult> {
  if (!credential || typeof credential !== 'object' || Array.isArray(credential))
    return { ok: false, key: 'malformed', detail: 'not a JSON object' };
  let size: number;
  try {
    size = JSON.stringify(credential).length;
  } catch (e) {
    return { ok: false, key: 'malformed', detail: message(e) };
  }
  if (size > MAX_CREDENTIAL_CHARS)
    return {
      ok: false,
      key: 'malformed',
      detail: `longer than ${MAX_CREDENTIAL_CHARS} characters`,
    };
  const proofs = [(credential as { proof?: unknown }).proof].flat().filter(Boolean);
  const proof = proofs[0] as Record<string, unknown> | undefined;
  if (!proof) return { ok: false, key: 'no-proof', detail: 'no proof' };
  if (proofs.length > 1) return { ok: false, key: 'no-proof', detail: 'more than one proof' };
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-rdfc-2022')
    return {
      ok: false,
      key: 'no-proof',
      detail: 'proof is not DataIntegrityProof eddsa-rdfc-2022',
    };
  try {
    const result = await jsigs.verify(credential, {
      suite: new DataIntegrityProof({ cryptosuite: verifyingSuite }),
      purpose: new jsigs.purposes.AssertionProofPurpose(),
      documentLoader,
    });
    const controller = result.results?.[0]?.purposeResult?.controller?.id;
    if (!result.verified || typeof controller !== 'string')
      return await failure(credential, firstError(result));
    return { ok: true, signer: controller, verificationMethod: String(proof.verificationMethod) };
  } catch (e) {
    return await failure(credential, e);
  }
}

/**
 * Resolves and processes the contexts of an Open Badges credential before the first check
 * (jsonld keeps them: the loader marks them static), so that a page which checks many can
 * spend that time while it waits for the first. Never throws: a context that fails here
 * fails, and is reported, with the credential that names it.
 * @example void prepareVerification(); // then verifyDataIntegrity(…) as credentials come
 */
export async function prepareVerification(): Promise<void> {
  try {
    await jsonld.expand(
      { '@context': [...OB_CONTEXT], type: ['VerifiableCredential', 'OpenBadgeCredential'] },
      { documentLoader, safe: true },
    );
  } catch {
    // Reported by the check that meets it.
  }
}

/**
 * Why a proof did not hold. The check canonicalises in safe mode, so a term the contexts do
 * not define fails it too, reported as a bad proof; expanding alone tells the two apart.
 * Done only on failure: a credential that holds is expanded once, by the check.
 */
async function failure(credential: object, e: unknown): Promise<DataIntegrityResult> {
  try {
    await jsonld.expand(credential, { documentLoader, safe: true });
  } catch (x) {
    return { ok: false, key: 'jsonld', detail: message(x) };
  }
  return { ok: false, key: 'signature', detail: message(e) };
}
