import { describe, expect, it } from 'vitest';
import { getStatement, postStatements, testConnection } from '../../../lib/sync/lrs-client';
import { basicAuth, type LrsConfig } from '../../../lib/sync/lrs-endpoint';
import type { FetchLike } from '../../../lib/sync/lrs-exchange';
import { fakeLrs } from '../../lrs/fake-lrs';

const config: LrsConfig = {
  endpoint: 'https://lrs.example.org/xAPI/',
  key: 'ada-key',
  secret: 's3cr3t-pass',
};
const statement = {
  id: '6f0d2c1e-8a3b-4f5e-9c7d-1a2b3c4d5e6f',
  actor: { mbox: 'mailto:a@b.c' },
  verb: { id: 'http://activitystrea.ms/schema/1.0/read' },
  object: { id: 'https://example.org/a' },
};

describe('postStatements', () => {
  it('POSTs a JSON batch to <endpoint>/statements with the xAPI headers', async () => {
    const lrs = fakeLrs();
    const result = await postStatements(config, [statement], lrs.fetch);
    expect(result).toEqual({ ok: true, ids: [statement.id] });
    const [request] = lrs.requests;
    expect(request).toMatchObject({
      method: 'POST',
      url: 'https://lrs.example.org/xAPI/statements',
    });
    expect(request!.headers).toEqual({
      'X-Experience-API-Version': '1.0.3',
      'Content-Type': 'application/json',
      Authorization: basicAuth(config),
    });
    expect(JSON.parse(request!.body!)).toEqual([statement]);
  });

  it.each([
    [400, 'rejected'],
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'conflict'],
    [413, 'rejected'],
    [429, 'rate-limited'],
    [500, 'server'],
    [503, 'server'],
  ])('classifies HTTP %i as %s', async (status, code) => {
    const lrs = fakeLrs();
    lrs.faults.push({ status, body: { message: 'nope' } });
    expect(await postStatements(config, [statement], lrs.fetch)).toEqual({
      ok: false,
      error: { code, status, detail: 'nope' },
    });
  });

  it('reads Retry-After and xAPI validation warnings', async () => {
    const lrs = fakeLrs();
    lrs.faults.push({ status: 429, headers: { 'Retry-After': '7' } });
    expect(await postStatements(config, [statement], lrs.fetch)).toMatchObject({
      ok: false,
      error: { code: 'rate-limited', retryAfterMs: 7_000 },
    });
    const bad = await postStatements(config, [{ id: statement.id }], lrs.fetch);
    expect(bad).toMatchObject({ ok: false, error: { code: 'rejected', status: 400 } });
    expect(!bad.ok && bad.error.detail).toContain('statements.0.actor');
  });

  it('turns a thrown fetch into a network error and never leaks the credentials', async () => {
    const lrs = fakeLrs();
    lrs.faults.push({ throws: `connect ECONNREFUSED for ${config.key}:${config.secret}` });
    const result = await postStatements(config, [statement], lrs.fetch);
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(JSON.stringify(result)).not.toContain(config.secret);
    expect(JSON.stringify(result)).not.toContain(config.key);
  });

  it('keeps an echoed Authorization header out of the error', async () => {
    const lrs = fakeLrs();
    lrs.faults.push({ status: 401, body: `<h1>Denied</h1> header was ${basicAuth(config)}` });
    const result = await postStatements(config, [statement], lrs.fetch);
    expect(JSON.stringify(result)).not.toContain(basicAuth(config).slice(6));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'auth', detail: 'Denied header was Basic ***' },
    });
  });

  it('keeps a secret out of the error however the LRS echoes it', async () => {
    const tricky = { ...config, key: 'k', secret: 'a&b<c>"d"' };
    for (const body of [
      `<p>secret a&amp;b&lt;c&gt;&quot;d&quot; refused</p>`,
      `<p>secret a&amp;b<i></i>&lt;c&gt;"d" refused</p>`,
      JSON.stringify({ message: `secret ${tricky.secret} refused` }),
      `secret ${encodeURIComponent(tricky.secret)} refused`,
    ]) {
      const lrs = fakeLrs();
      lrs.faults.push({ status: 401, body });
      const result = await postStatements(tricky, [statement], lrs.fetch);
      expect(result).toMatchObject({ ok: false, error: { code: 'auth' } });
      const detail = (!result.ok && result.error.detail) || '';
      expect(detail.replace(/[\s<>]/g, '')).not.toContain('a&b');
      expect(detail).not.toContain('a&amp;b');
    }
    // A two-character secret is blanked too; a secret split by markup drops the echo.
    const short = { ...config, secret: 'zq' };
    const lrs = fakeLrs();
    lrs.faults.push(
      { status: 401, body: '<p>wrong secret zq</p>' },
      { status: 401, body: '<p>wrong secret z<b>q</b></p>' },
    );
    expect(await postStatements(short, [statement], lrs.fetch)).toMatchObject({
      error: { detail: 'wrong secret ***' },
    });
    const split = await postStatements(short, [statement], lrs.fetch);
    expect(JSON.stringify(split)).not.toMatch(/z\s*q/);
  });

  it('refuses a redirect, never follows it, and says where it pointed', async () => {
    const lrs = fakeLrs();
    lrs.faults.push({ status: 307, headers: { Location: 'http://elsewhere.example/statements' } });
    expect(await postStatements(config, [statement], lrs.fetch)).toEqual({
      ok: false,
      error: { code: 'redirect', status: 307, detail: 'http://elsewhere.example/statements' },
    });
    expect(lrs.requests.map((r) => r.redirect)).toEqual(['manual']);
    // A browser hides an unfollowed redirect: status 0, type `opaqueredirect`.
    const opaque: FetchLike = async () => ({
      status: 0,
      type: 'opaqueredirect',
      headers: { get: () => null },
      text: async () => '',
    });
    expect(await postStatements(config, [statement], opaque)).toEqual({
      ok: false,
      error: { code: 'redirect' },
    });
  });

  it('gives up on a request that hangs', async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    expect(await postStatements(config, [statement], hanging, { timeoutMs: 20 })).toMatchObject({
      ok: false,
      error: { code: 'timeout' },
    });
  });

  it('sends nothing to an insecure endpoint', async () => {
    const lrs = fakeLrs();
    const result = await postStatements(
      { ...config, endpoint: 'http://lrs.example.org' },
      [statement],
      lrs.fetch,
    );
    expect(result).toEqual({ ok: false, error: { code: 'insecure-endpoint' } });
    expect(lrs.requests).toHaveLength(0);
  });
});

describe('getStatement', () => {
  it('reads a stored statement, or none', async () => {
    const lrs = fakeLrs();
    await postStatements(config, [statement], lrs.fetch);
    expect(await getStatement(config, statement.id, lrs.fetch)).toMatchObject({
      ok: true,
      statement: { id: statement.id },
    });
    expect(await getStatement(config, 'nope', lrs.fetch)).toEqual({
      ok: true,
      statement: undefined,
    });
  });
});

describe('testConnection', () => {
  it("returns the LRS's xAPI versions", async () => {
    const lrs = fakeLrs();
    expect(await testConnection(config, lrs.fetch)).toEqual({
      ok: true,
      versions: ['1.0.3'],
      credentials: 'accepted',
    });
    expect(lrs.requests.map((r) => r.url)).toEqual([
      'https://lrs.example.org/xAPI/about',
      'https://lrs.example.org/xAPI/statements?limit=1',
    ]);
  });

  it('reports refused credentials', async () => {
    const lrs = fakeLrs();
    lrs.faults.push(
      { status: 200, body: { version: ['1.0.3'] } },
      { status: 401, body: { message: 'Unauthorised' } },
    );
    expect(await testConnection(config, lrs.fetch)).toEqual({
      ok: false,
      error: { code: 'auth', status: 401, detail: 'Unauthorised' },
    });
  });

  it('accepts write-only credentials', async () => {
    const lrs = fakeLrs();
    lrs.faults.push({ status: 200, body: { version: ['1.0.3'] } }, { status: 403 });
    expect(await testConnection(config, lrs.fetch)).toMatchObject({
      ok: true,
      credentials: 'write-only',
    });
  });

  it.each([
    [{ status: 200, body: { version: ['0.95'] } }, 'version'],
    [{ status: 200, body: '<html>a login page</html>' }, 'bad-response'],
    [{ status: 200, body: {} }, 'bad-response'],
    [{ status: 404, body: 'Not Found' }, 'not-found'],
  ])('explains an endpoint that is not an xAPI 1.0 LRS (%j)', async (fault, code) => {
    const lrs = fakeLrs();
    lrs.faults.push(fault);
    expect(await testConnection(config, lrs.fetch)).toMatchObject({ ok: false, error: { code } });
  });
});
