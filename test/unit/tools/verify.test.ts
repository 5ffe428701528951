// @vitest-environment node
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printable, runVerify, type VerifyIo } from '../../../tools/run-verify';
import { signDataIntegrity } from '../../../lib/credentials/data-integrity';
import { getOrCreateDidKey } from '../../../lib/credentials/did-key';
import { getOrCreateSigningKey, memoryKeyStore } from '../../../lib/credentials/keys';
import { signCredential } from '../../../lib/credentials/vc-jwt';
import type { IssuedBadge } from '../../../lib/export/openbadges/issue';
import { issueBadges } from '../../../lib/export/openbadges/issue';
import { badgesJsonFile } from '../../../lib/export/openbadges/json-files';
import { prepareExport } from '../../../lib/export/privacy';
import { badgeKeys } from '../../fixtures/badge-keys';
import { weekFixture } from '../../fixtures/week';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCHEMA_PATH = fileURLToPath(
  new URL('../../../../shared/schemas/ob_v3p0_achievementcredential_schema.json', import.meta.url),
);

let dir: string;
let goodFile: string;
let jwsLines: string[];
let badge: IssuedBadge;
let keys: Awaited<ReturnType<typeof badgeKeys>>;

beforeAll(async () => {
  keys = await badgeKeys();
  const f = weekFixture();
  const shared = prepareExport(f.data, { ...f.week, timeZone: f.timeZone, level: 'full' });
  const badges = await issueBadges(shared, keys, { learnerName: 'Ada', now: f.now });
  goodFile = badgesJsonFile(shared, badges, keys.didKey.did).content;
  jwsLines = badges.map((b) => b.jws);
  badge = badges[0]!;
  dir = mkdtempSync(join(tmpdir(), 'skilltrail-verify-'));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function memoryIo(files: Record<string, string>, schema?: VerifyIo['schema']) {
  const out: string[] = [];
  const err: string[] = [];
  const io: VerifyIo = {
    readFile: async (p) => {
      if (!(p in files)) throw new Error('ENOENT');
      return files[p]!;
    },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    schema,
    schemaNote: 'no schema in this test',
  };
  return { io, out, err };
}

function tamper(jws: string): string {
  const i = Math.floor(jws.indexOf('.') + 20);
  return jws.slice(0, i) + (jws[i] === 'A' ? 'B' : 'A') + jws.slice(i + 1);
}

describe('runVerify', () => {
  it('prints claims and evidence and exits 0 when every credential verifies', async () => {
    const { io, out } = memoryIo({ 'w.json': goodFile });
    expect(await runVerify(['w.json'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Note: no schema in this test');
    expect(text).toContain('✔ Credential 1 of 6: Front-end development — week 2026-W48');
    expect(text).toContain('subject:   the issuer (self-asserted)');
    expect(text).toContain('evidence (2):');
    expect(text).toContain('https://developer.mozilla.org/en-US/docs/Web/CSS/CSS_grid_layout');
    expect(text).toContain('Reflection: Grid areas name regions');
    expect(text).toContain('All 6 credentials verified.');
  });

  it('reads one JWS per line too', async () => {
    const { io } = memoryIo({ 'w.jwt': jwsLines.join('\n') });
    expect(await runVerify(['w.jwt'], io)).toBe(0);
  });

  it('exits 1 when any credential fails, and says which', async () => {
    const lines = [jwsLines[0]!, tamper(jwsLines[1]!), jwsLines[2]!];
    const { io, out } = memoryIo({ 'w.jwt': lines.join('\n') });
    expect(await runVerify(['w.jwt'], io)).toBe(1);
    expect(out.join('\n')).toMatch(/✘ Credential 2 of 3 \[VC-JWT, RS256\]: /);
    expect(out.at(-1)).toBe('1 of 3 credentials failed.');
  });

  it('fails a credential the schema rejects', async () => {
    const { io, out } = memoryIo({ 'w.json': goodFile }, () => '/issuer must be object');
    expect(await runVerify(['w.json'], io)).toBe(1);
    expect(out.join('\n')).toContain('INVALID — /issuer must be object');
  });

  it('exits 2 on usage errors and unreadable files', async () => {
    expect(await runVerify([], memoryIo({}).io)).toBe(2);
    expect(await runVerify(['missing.json'], memoryIo({}).io)).toBe(2);
    expect(await runVerify(['x.json'], memoryIo({ 'x.json': '{"format":"other"}' }).io)).toBe(2);
  });
});

describe('runVerify is honest', () => {
  function unsigned(): Record<string, unknown> {
    const { proof: _, ...rest } = structuredClone(badge.credential);
    return rest;
  }

  it('never calls a forged university badge verified: signature valid, issuer not confirmed', async () => {
    const oxford = { id: 'https://www.ox.ac.uk/', type: ['Profile'], name: 'University of Oxford' };
    const anyKey = await getOrCreateDidKey(memoryKeyStore());
    const forged = await signDataIntegrity({ ...unsigned(), issuer: oxford }, anyKey.signer);
    const forgedJwt = await signCredential(
      { ...unsigned(), issuer: oxford } as never,
      await getOrCreateSigningKey(memoryKeyStore()),
    );
    for (const text of [JSON.stringify(forged), forgedJwt]) {
      const { io, out } = memoryIo({ 'f.json': text });
      expect(await runVerify(['f.json'], io)).toBe(1);
      const printed = out.join('\n');
      expect(printed).toContain('✘ Credential 1 of 1');
      expect(printed).toContain('ISSUER NOT CONFIRMED');
      expect(printed).toContain('issuer:    https://www.ox.ac.uk/');
      expect(printed).toContain('says it is "University of Oxford"');
      expect(printed).toContain('1 of 1 credentials failed.');
    }
  }, 60_000);

  it.each([
    ['has expired', { validFrom: '2019-01-01T00:00:00Z', validUntil: '2020-01-01T00:00:00Z' }],
    ['is not valid yet', { validFrom: '2999-01-01T00:00:00Z' }],
  ])('exits 1 when a credential %s, in both forms', async (words, dates) => {
    const signed = await signDataIntegrity({ ...unsigned(), ...dates }, keys.didKey.signer);
    for (const text of [
      JSON.stringify(signed),
      await signCredential(signed as never, keys.jwtKey),
    ]) {
      const { io, out } = memoryIo({ 'd.json': text });
      expect(await runVerify(['d.json'], io)).toBe(1);
      expect(out.join('\n')).toContain(`The credential ${words}.`);
    }
  });

  it('reads a single wallet file', async () => {
    const { io, out } = memoryIo({ 'w.json': JSON.stringify(badge.credential) });
    expect(await runVerify(['w.json'], io)).toBe(0);
    expect(out.join('\n')).toContain('proof:     Data Integrity, eddsa-rdfc-2022');
  });

  it('escapes control and bidirectional characters in everything it prints', async () => {
    const hostile = 'Ada\u001b[2J\u001b[1A✔ All 9 credentials verified.\u202eevil\u2066\r\n';
    const c = unsigned() as {
      issuer: { name: string };
      name: string;
      evidence: { name: string; narrative?: string }[];
    };
    c.issuer.name = hostile;
    c.name = hostile;
    c.evidence[0]!.name = hostile;
    c.evidence[0]!.narrative = `first line\n${hostile}`;
    const signed = await signDataIntegrity(c, keys.didKey.signer);
    for (const text of [
      JSON.stringify(signed),
      await signCredential(signed as never, keys.jwtKey),
    ]) {
      const { io, out } = memoryIo({ 'h.json': text });
      expect(await runVerify(['h.json'], io)).toBe(0);
      for (const line of out) {
        expect(line).not.toMatch(
          // eslint-disable-next-line no-control-regex -- finding control characters is the point
          /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/,
        );
      }
      expect(out.join('\n')).toContain('Ada\\u{1b}[2J\\u{1b}[1A');
      expect(out.join('\n')).toContain('\\u{202e}evil\\u{2066}');
    }
    expect(printable('\u0007\u009b\u2028\u061c')).toBe('\\u{7}\\u{9b}\\u{2028}\\u{61c}');
  });
});

describe('npm run verify', () => {
  it('verifies a real badges file end to end, with the schema when it is there', async () => {
    const file = join(dir, 'skilltrail-2026-W48-badges.json');
    writeFileSync(file, goodFile);
    const { stdout } = await run('npm', ['run', '--silent', 'verify', '--', file], { cwd: ROOT });
    expect(stdout).toContain('All 6 credentials verified.');
    if (existsSync(SCHEMA_PATH)) {
      expect(stdout).toContain('schema:    valid (OB 3.0 AchievementCredential)');
      // The CLI and this test read the same schema file.
      const ajv = new Ajv2019({ strict: false });
      addFormats(ajv);
      expect(ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object)).toBeTypeOf(
        'function',
      );
    } else {
      expect(stdout).toContain('signatures and claims checked only');
    }
  }, 120_000);

  it('exits non-zero on a tampered file', async () => {
    const file = join(dir, 'tampered.jwt');
    writeFileSync(file, `${tamper(jwsLines[0]!)}\n`);
    const failure = await run('npm', ['run', '--silent', 'verify', '--', file], { cwd: ROOT }).then(
      () => null,
      (e: { code?: number; stdout?: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('✘ Credential 1 of 1');
  }, 120_000);
});
