/**
 * `npm run verify -- <badges file>`: checks every credential in a Skilltrail badges file
 * (JSON document, one JSON credential, or one compact JWS per line) with `checkCredential`
 * — either proof form, whether the signer is the issuer, the validity period now — and the
 * 1EdTech Open Badges 3.0 JSON Schema with Ajv when the schema is at hand, then prints each
 * credential's claims, evidence and embedded endorsements (each checked on its own). Everything a credential says is printed escaped: no
 * control or bidirectional character reaches the terminal. Exit code 0 when every
 * credential is valid, 1 when any is not (broken, expired, not yet valid, or its issuer
 * not confirmed, or an endorsement it embeds does not hold), 2 when the file cannot be read.
 *
 * Node only (a developer and CI tool): it is never imported by the extension, so Ajv here
 * never reaches the extension bundle.
 */
import { describeCredential } from '../lib/credentials/badge-view';
import { parseBadgesFile } from '../lib/credentials/badges-file';
import { checkCredential, type EndorsementVerdict } from '../lib/credentials/verify';

export interface VerifyIo {
  readFile(path: string): Promise<string>;
  out(line: string): void;
  err(line: string): void;
  /** Validates a credential against the OB 3.0 schema: `null` = valid, else the errors; `undefined` = no schema. */
  schema?: ((credential: unknown) => string | null) | undefined;
  /** Why there is no schema check, printed once. */
  schemaNote?: string;
  /** The clock the validity period is checked against; `Date.now()` when omitted. */
  now?: number;
}

/** C0 and C1 controls, DEL, and the characters that reorder or hide text (bidi, separators). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Text from a credential made safe for a terminal: every control or bidirectional
 * character shown as its `\u{…}` escape.
 * @example printable('Ada\u001b[2J') // 'Ada\\u{1b}[2J'
 */
export function printable(value: unknown): string {
  return String(value).replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

export const USAGE =
  'Usage: npm run verify -- <skilltrail-…-badges.json | file with one JWS per line>';

function evidenceLines(e: unknown): string[] {
  if (!e || typeof e !== 'object') return [printable(e)];
  const { name, id, description, narrative } = e as Record<string, unknown>;
  const parts = [name, description, id].filter(
    (x): x is string => typeof x === 'string' && x !== '',
  );
  const lines = [parts.map(printable).join(' — ')];
  // A narrative's own line breaks become indented lines; nothing else in it breaks a line.
  if (typeof narrative === 'string' && narrative) {
    for (const line of narrative.split(/\r?\n+/)) lines.push(`  ${printable(line)}`);
  }
  return lines;
}

function endorsementLines(e: EndorsementVerdict): string[] {
  const who = [
    `Endorsed by ${printable(e.issuerName || '(no name)')} (as they describe themselves)`,
    e.issuerDescription && printable(e.issuerDescription),
    e.validFrom && `signed ${printable(e.validFrom)}`,
  ].filter(Boolean);
  const lines = [
    e.status === 'valid'
      ? `      ✔ ${who.join(' — ')}`
      : `      ✘ ${who.join(' — ')}: ${e.message ?? ''} (${printable(e.detail ?? '')})`,
    `        by ${printable(short(e.issuerId))}`,
  ];
  for (const line of e.comment.split(/\r?\n+/)) if (line) lines.push(`        ${printable(line)}`);
  return lines;
}

const PROOF_NAME = {
  'data-integrity': 'Data Integrity, eddsa-rdfc-2022',
  'vc-jwt': 'VC-JWT, RS256',
};

function short(id: string): string {
  return id.length > 72 ? `${id.slice(0, 69)}…` : id;
}

/**
 * Runs the verifier on `args` (the file path) with the given I/O; answers the exit code.
 * @example process.exit(await runVerify(['week.json'], { readFile, out: console.log, err: console.error }))
 */
export async function runVerify(args: readonly string[], io: VerifyIo): Promise<number> {
  const path = args.find((a) => !a.startsWith('-'));
  if (!path || args.includes('--help') || args.includes('-h')) {
    io.err(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (e) {
    io.err(`Cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const parsed = parseBadgesFile(text);
  if (!parsed.ok) {
    io.err(parsed.message);
    return 2;
  }
  if (parsed.credentials.length === 0) {
    io.out('The file holds no credentials.');
    return 0;
  }
  if (!io.schema)
    io.out(`Note: ${io.schemaNote ?? 'no schema available'}; signatures and claims checked only.`);

  let failed = 0;
  const now = io.now ?? Date.now();
  for (const [i, item] of parsed.credentials.entries()) {
    const v = await checkCredential(item, { now });
    const label = `Credential ${i + 1} of ${parsed.credentials.length}`;
    if (v.status === 'invalid') {
      failed += 1;
      const form = v.proof ? ` [${PROOF_NAME[v.proof]}]` : '';
      io.out(`✘ ${label}${form}: ${v.message} (${printable(v.detail)})`);
      continue;
    }
    const schemaErrors = io.schema ? io.schema(v.credential) : null;
    const confirmed = v.status === 'valid';
    const badEndorsements = v.endorsements.filter((e) => e.status !== 'valid').length;
    const ok = !schemaErrors && confirmed && badEndorsements === 0;
    if (!ok) failed += 1;
    const c = v.credential;
    const issuer = (c.issuer ?? {}) as Record<string, unknown>;
    const subject = (c.credentialSubject ?? {}) as Record<string, unknown>;
    const achievement = (subject.achievement ?? {}) as Record<string, unknown>;
    io.out(`${ok ? '✔' : '✘'} ${label}: ${printable(c.name ?? c.id)}`);
    io.out(`    proof:     ${PROOF_NAME[v.proof]}`);
    io.out(
      `    signature: ${confirmed ? "valid, by the issuer's own key" : 'valid, ISSUER NOT CONFIRMED: nothing ties the signing key to the issuer named'}`,
    );
    io.out(`    signed by: ${printable(short(v.signer))}`);
    io.out(
      `    schema:    ${io.schema ? (schemaErrors ? `INVALID — ${printable(schemaErrors)}` : 'valid (OB 3.0 AchievementCredential)') : 'not checked'}`,
    );
    io.out(`    id:        ${printable(c.id)}`);
    io.out(`    issuer:    ${printable(short(v.issuerId))}`);
    if (typeof issuer.name === 'string')
      io.out(`               says it is "${printable(issuer.name)}"`);
    io.out(
      `    subject:   ${subject.id === v.issuerId ? 'the issuer (self-asserted)' : printable(subject.id)}`,
    );
    io.out(
      `    valid from ${printable(c.validFrom)}${c.validUntil !== undefined ? ` until ${printable(c.validUntil)}` : ''}`,
    );
    if (typeof achievement.name === 'string')
      io.out(`    achievement: ${printable(achievement.name)}`);
    if (typeof subject.narrative === 'string')
      io.out(`    narrative: ${printable(subject.narrative)}`);
    for (const r of describeCredential(c).results) {
      io.out(`    result:    ${printable(r.name)}: ${printable(r.value)}`);
    }
    const evidence = Array.isArray(c.evidence) ? (c.evidence as unknown[]) : [];
    io.out(`    evidence (${evidence.length}):`);
    for (const e of evidence) {
      const [first, ...rest] = evidenceLines(e);
      io.out(`      - ${first}`);
      for (const line of rest) io.out(`        ${line}`);
    }
    if (v.endorsements.length) {
      io.out(`    endorsements (${v.endorsements.length}):`);
      for (const e of v.endorsements) endorsementLines(e).forEach((line) => io.out(line));
    }
  }
  io.out(
    failed === 0
      ? `All ${parsed.credentials.length} credentials verified.`
      : `${failed} of ${parsed.credentials.length} credentials failed.`,
  );
  return failed === 0 ? 0 : 1;
}
