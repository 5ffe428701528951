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
import { runVerify, type VerifyIo } from '../../../tools/run-verify';
import { badgesJsonFile, issueBadges } from '../../../lib/export/openbadges';
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

beforeAll(async () => {
  const keys = await badgeKeys();
  const f = weekFixture();
  const shared = prepareExport(f.data, { ...f.week, timeZone: f.timeZone, level: 'full' });
  const badges = await issueBadges(shared, keys, { learnerName: 'Ada', now: f.now });
  goodFile = badgesJsonFile(shared, badges, keys.didKey.did).content;
  jwsLines = badges.map((b) => b.jws);
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
