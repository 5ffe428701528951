/**
 * The xAPI Statements API over HTTP, as far as Skilltrail needs it: send statements, read
 * one back, ask an LRS what it is. Every answer is data (`ok` or a classified error), never
 * a thrown exception; `fetch` is a parameter. Credentials never appear in an error.
 */
import { exchange, httpError, type FetchLike, type RequestOptions } from './lrs-exchange';
import type { LrsConfig } from './lrs-endpoint';
import type { LrsResult } from './lrs-errors';
import { MAX_DETAIL } from './lrs-redact';
import type { XapiStatement } from '../export/xapi/statement';

/**
 * POSTs statements to `<endpoint>/statements` as one request. 2xx: the LRS stored them
 * all (or already had them, identical). Otherwise a classified error for the whole batch.
 * @example await postStatements(config, [statement], fetch) // { ok: true, ids: ['6f0d…'] }
 */
export async function postStatements(
  config: LrsConfig,
  statements: readonly XapiStatement[],
  fetch: FetchLike,
  options: RequestOptions = {},
): Promise<LrsResult<{ ids: string[] }>> {
  const ex = await exchange(
    config,
    fetch,
    'POST',
    '/statements',
    JSON.stringify(statements),
    options,
  );
  if (!ex.ok) return ex;
  if (ex.status >= 200 && ex.status < 300) return { ok: true, ids: statements.map((s) => s.id) };
  return { ok: false, error: httpError(config, ex, (options.now ?? Date.now)()) };
}

/**
 * The statement an LRS stores under `id` (GET `<endpoint>/statements?statementId=`), to
 * tell a harmless 409 (it already has ours) from a real conflict. `statement` is
 * `undefined` when it has none (or only a voided one).
 * @example await getStatement(config, '6f0d…', fetch) // { ok: true, statement: {…} }
 */
export async function getStatement(
  config: LrsConfig,
  id: string,
  fetch: FetchLike,
  options: RequestOptions = {},
): Promise<LrsResult<{ statement: unknown }>> {
  const ex = await exchange(
    config,
    fetch,
    'GET',
    `/statements?statementId=${encodeURIComponent(id)}`,
    undefined,
    options,
  );
  if (!ex.ok) return ex;
  if (ex.status === 404) return { ok: true, statement: undefined };
  if (ex.status < 200 || ex.status >= 300) {
    return { ok: false, error: httpError(config, ex, (options.now ?? Date.now)()) };
  }
  try {
    return { ok: true, statement: JSON.parse(ex.body) as unknown };
  } catch {
    return { ok: false, error: { code: 'bad-response', status: ex.status } };
  }
}

export interface ConnectionInfo {
  /** The xAPI versions the LRS says it speaks (`/about`). */
  versions: string[];
  /**
   * `accepted`: the key and secret may read statements; `write-only`: they may not read
   * (403), which is enough to send. A refused key is an `auth` error instead.
   */
  credentials: 'accepted' | 'write-only';
}

/**
 * Asks the LRS what it is (GET `<endpoint>/about`) and whether it takes the key and secret
 * (GET `<endpoint>/statements?limit=1`): its xAPI versions, or a clear error.
 * @example await testConnection(config, fetch) // { ok: true, versions: ['1.0.3'], credentials: 'accepted' }
 */
export async function testConnection(
  config: LrsConfig,
  fetch: FetchLike,
  options: RequestOptions = {},
): Promise<LrsResult<ConnectionInfo>> {
  const now = (options.now ?? Date.now)();
  const about = await exchange(config, fetch, 'GET', '/about', undefined, options);
  if (!about.ok) return about;
  if (about.status < 200 || about.status >= 300) {
    return { ok: false, error: httpError(config, about, now) };
  }
  let versions: string[];
  try {
    const json = JSON.parse(about.body) as { version?: unknown };
    versions = Array.isArray(json.version)
      ? json.version.filter((v): v is string => typeof v === 'string')
      : [];
  } catch {
    return { ok: false, error: { code: 'bad-response', status: about.status } };
  }
  if (versions.length === 0)
    return { ok: false, error: { code: 'bad-response', status: about.status } };
  if (!versions.some((v) => /^1\.0(\.\d+)?$/.test(v))) {
    return {
      ok: false,
      error: { code: 'version', detail: versions.join(', ').slice(0, MAX_DETAIL) },
    };
  }
  // /about needs no credentials; reading one statement tells whether the LRS takes them.
  const probe = await exchange(config, fetch, 'GET', '/statements?limit=1', undefined, options);
  if (!probe.ok) return probe;
  if (probe.status === 403) return { ok: true, versions, credentials: 'write-only' };
  if (probe.status < 200 || probe.status >= 300) {
    return { ok: false, error: httpError(config, probe, now) };
  }
  return { ok: true, versions, credentials: 'accepted' };
}
