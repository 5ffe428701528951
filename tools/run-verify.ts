/**
 * `npm run verify -- <badges file>`: checks every credential in a Skilltrail badges file
 * (JSON document or one compact JWS per line) — signature, header and claims with
 * `verifyCredential`, and the 1EdTech Open Badges 3.0 JSON Schema with Ajv when the schema
 * is at hand — then prints each credential's claims and evidence. Exit code 0 when every
 * credential passes, 1 when any fails, 2 when the file cannot be read.
 *
 * Node only (a developer and CI tool): it is never imported by the extension, so Ajv here
 * never reaches the extension bundle.
 */
import { parseBadgesFile } from '../lib/credentials/badges-file';
import { verifyCredential } from '../lib/credentials/vc-jwt';

export interface VerifyIo {
  readFile(path: string): Promise<string>;
  out(line: string): void;
  err(line: string): void;
  /** Validates a credential against the OB 3.0 schema: `null` = valid, else the errors; `undefined` = no schema. */
  schema?: ((credential: unknown) => string | null) | undefined;
  /** Why there is no schema check, printed once. */
  schemaNote?: string;
}

export const USAGE =
  'Usage: npm run verify -- <skilltrail-…-badges.json | file with one JWS per line>';

function evidenceLine(e: unknown): string {
  if (!e || typeof e !== 'object') return String(e);
  const { name, id, description, narrative } = e as Record<string, unknown>;
  const parts = [name, description, id].filter(
    (x): x is string => typeof x === 'string' && x !== '',
  );
  const text = parts.join(' — ');
  return typeof narrative === 'string' && narrative
    ? `${text}\n        ${narrative.replace(/\n+/g, '\n        ')}`
    : text;
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
  for (const [i, jws] of parsed.credentials.entries()) {
    const r = await verifyCredential(jws);
    const label = `Credential ${i + 1} of ${parsed.credentials.length}`;
    if (!r.ok) {
      failed += 1;
      io.out(`✘ ${label}: ${r.message} (${r.detail})`);
      continue;
    }
    const schemaErrors = io.schema ? io.schema(r.credential) : null;
    if (schemaErrors) failed += 1;
    const c = r.credential as Record<string, unknown>;
    const subject = c.credentialSubject as Record<string, unknown>;
    const achievement = (subject.achievement ?? {}) as Record<string, unknown>;
    io.out(`${schemaErrors ? '✘' : '✔'} ${label}: ${String(c.name ?? c.id)}`);
    io.out(`    signature: valid (RS256, embedded key)`);
    io.out(
      `    schema:    ${io.schema ? (schemaErrors ? `INVALID — ${schemaErrors}` : 'valid (OB 3.0 AchievementCredential)') : 'not checked'}`,
    );
    io.out(`    id:        ${r.claims.jti}`);
    io.out(
      `    issuer:    ${r.claims.iss.length > 60 ? `${r.claims.iss.slice(0, 57)}…` : r.claims.iss}`,
    );
    io.out(
      `    subject:   ${r.claims.sub === r.claims.iss ? 'the issuer (self-asserted)' : r.claims.sub}`,
    );
    io.out(
      `    valid from ${new Date(r.claims.nbf * 1000).toISOString()}${r.claims.exp ? ` until ${new Date(r.claims.exp * 1000).toISOString()}` : ''}`,
    );
    if (typeof achievement.name === 'string') io.out(`    achievement: ${achievement.name}`);
    if (typeof subject.narrative === 'string') io.out(`    narrative: ${subject.narrative}`);
    io.out(`    evidence (${r.evidence.length}):`);
    for (const e of r.evidence) io.out(`      - ${evidenceLine(e)}`);
  }
  io.out(
    failed === 0
      ? `All ${parsed.credentials.length} credentials verified.`
      : `${failed} of ${parsed.credentials.length} credentials failed.`,
  );
  return failed === 0 ? 0 : 1;
}
