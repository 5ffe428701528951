/**
 * The xAPI Statements API over HTTP, as far as Skilltrail needs it: send statements, read
 * one back, ask an LRS what it is. Every answer is data (`ok` or a classified error), never
 * a thrown exception; `fetch` is a parameter. Credentials never appear in an error.
 */
import { parseRetryAfter } from './backoff';
import type { XapiStatement } from './statement';

export const XAPI_VERSION = '1.0.3';

/** Requests longer than this are given up (and retried later) so a hung LRS never blocks the queue. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface LrsConfig {
  /** The LRS's xAPI base URL, e.g. `https://lrs.example.org/xAPI`. */
  endpoint: string;
  key: string;
  secret: string;
}

export interface FetchInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /**
   * Always `manual`: a redirect is never followed. Followed, a 301/302/303 turns the POST
   * into a GET that answers 200 (the batch would count as sent, unsent), and a 307/308
   * re-posts the statements to any origin, plain HTTP included.
   */
  redirect: 'manual';
}

/** The part of a `Response` the client reads; the platform `fetch` fits. */
export interface ResponseLike {
  status: number;
  /** `opaqueredirect` in a browser for a redirect not followed (its status is then 0). */
  type?: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<ResponseLike>;

/**
 * What went wrong, in categories the sync acts on and the learner can read:
 * `auth` 401, `forbidden` 403, `not-found` 404/405 (wrong endpoint), `rejected` 400/413/…,
 * `conflict` 409, `rate-limited` 429, `server` 5xx, `network`, `timeout`, `bad-response`
 * (not an LRS answer), `invalid-endpoint`/`insecure-endpoint` (never sent), `version`
 * (the LRS speaks no xAPI 1.0.x), `permission` (the learner has not let the extension
 * reach the LRS's site), `redirect` (the LRS answered with a redirect, never followed).
 */
export type LrsErrorCode =
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'rejected'
  | 'conflict'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad-response'
  | 'invalid-endpoint'
  | 'insecure-endpoint'
  | 'version'
  | 'permission'
  | 'redirect';

export interface LrsError {
  code: LrsErrorCode;
  /** HTTP status, when the LRS answered. */
  status?: number;
  /** The LRS's own words (or the network error's), shortened, credentials removed. */
  detail?: string;
  /** What `Retry-After` asked for, in ms. */
  retryAfterMs?: number;
}

export type LrsResult<T> = ({ ok: true } & T) | { ok: false; error: LrsError };

/**
 * Errors worth retrying later with the same statements.
 * @example isTransient({ code: 'rate-limited', status: 429 }) // true
 */
export function isTransient(error: LrsError): boolean {
  return ['rate-limited', 'server', 'network', 'timeout'].includes(error.code);
}

/**
 * Errors that stop syncing until the learner changes the settings.
 * @example needsLearner({ code: 'auth', status: 401 }) // true
 */
export function needsLearner(error: LrsError): boolean {
  return [
    'auth',
    'forbidden',
    'not-found',
    'invalid-endpoint',
    'insecure-endpoint',
    'version',
    'permission',
    'redirect',
  ].includes(error.code);
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * The endpoint as requests use it (no trailing slash), or why it cannot be used. Plain
 * HTTP is refused except on this computer: the key and secret travel in every request.
 * @example checkEndpoint('https://lrs.example.org/xAPI/') // { ok: true, url: 'https://lrs.example.org/xAPI' }
 * @example checkEndpoint('http://lrs.example.org/xAPI').ok // false
 */
export function checkEndpoint(raw: string): LrsResult<{ url: string; origin: string }> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, error: { code: 'invalid-endpoint' } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: { code: 'invalid-endpoint' } };
  }
  // Credentials belong in the key and secret fields, never in a URL that may be shown.
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, error: { code: 'invalid-endpoint' } };
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    return { ok: false, error: { code: 'insecure-endpoint' } };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}`, origin: url.origin };
}

/**
 * The `Authorization` header value for HTTP Basic with the LRS key and secret (UTF-8).
 * @example basicAuth({ endpoint, key: 'a', secret: 'b' }) // 'Basic YTpi'
 */
export function basicAuth(config: Pick<LrsConfig, 'key' | 'secret'>): string {
  const bytes = new TextEncoder().encode(`${config.key}:${config.secret}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** Each credential as an echo may spell it: as is, HTML-escaped, URL-encoded; longest first. */
function secretForms(config: Pick<LrsConfig, 'key' | 'secret'>): string[] {
  const token = basicAuth(config).slice('Basic '.length);
  const forms = [token, config.secret, config.key].flatMap((s) => [
    s,
    escapeHtml(s),
    encodeURIComponent(s),
  ]);
  return [...new Set(forms.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * `text` with the key, the secret and the Authorization token blanked out (whatever their
 * length, also HTML-escaped or URL-encoded), so an LRS or proxy that echoes a request can
 * never put them in an error the learner sees or copies.
 * @example redact('bad key abc', { key: 'abc', secret: 'xyz' }) // 'bad key ***'
 */
export function redact(text: string, config: Pick<LrsConfig, 'key' | 'secret'>): string {
  let out = text;
  for (const s of secretForms(config)) out = out.split(s).join('***');
  return out;
}

/** Letters only, entities decoded: how a secret split by markup or spaces still reads. */
function squashed(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) =>
      String.fromCodePoint(parseInt(h, 16) % 0x110000),
    )
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d) % 0x110000))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
}

/**
 * The LRS's words as the learner may see them: redacted before anything reads them, the
 * message picked out, redacted again, cut short; nothing at all when a credential still
 * shows through (split by markup, say).
 */
function shownDetail(raw: string, config: LrsConfig): string | undefined {
  const message = lrsMessage(redact(raw, config));
  if (!message) return undefined;
  const out = redact(message, config).slice(0, MAX_DETAIL);
  const seen = squashed(out);
  const leaks = [config.key, config.secret].some((s) => {
    const secret = squashed(s);
    return secret.length > 0 && seen.includes(secret);
  });
  return leaks ? undefined : out;
}

const MAX_DETAIL = 300;

function headers(config: LrsConfig, withBody: boolean): Record<string, string> {
  return {
    'X-Experience-API-Version': XAPI_VERSION,
    Authorization: basicAuth(config),
    ...(withBody ? { 'Content-Type': 'application/json' } : {}),
  };
}

/** The LRS's message from an error body: `message`, xAPI validation `warnings`, or the text. */
function lrsMessage(body: string): string | undefined {
  const text = body.trim();
  if (!text) return undefined;
  try {
    const json = JSON.parse(text) as unknown;
    if (json && typeof json === 'object') {
      const o = json as Record<string, unknown>;
      if (Array.isArray(o.warnings) && o.warnings.length > 0)
        return o.warnings.map(String).join('; ');
      if (typeof o.message === 'string') return o.message;
      if (typeof o.error === 'string') return o.error;
    }
  } catch {
    // Not JSON: an HTML error page from a proxy, say. Its text is still a clue.
  }
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function classify(status: number): LrsErrorCode {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 405) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'rejected';
}

interface Exchange {
  status: number;
  body: string;
  retryAfter: string | null;
}

interface RequestOptions {
  timeoutMs?: number;
  /** For `Retry-After` dates. */
  now?: () => number;
}

async function exchange(
  config: LrsConfig,
  fetch: FetchLike,
  method: 'GET' | 'POST',
  path: string,
  body: string | undefined,
  options: RequestOptions,
): Promise<LrsResult<Exchange>> {
  const endpoint = checkEndpoint(config.endpoint);
  if (!endpoint.ok) return endpoint;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await fetch(`${endpoint.url}${path}`, {
      method,
      headers: headers(config, body !== undefined),
      ...(body !== undefined ? { body } : {}),
      signal: controller.signal,
      redirect: 'manual',
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return { ok: false, error: redirectError(config, response, `${endpoint.url}${path}`) };
    }
    // The body is read inside the timeout too: a server can hang after the headers.
    const text = await response.text();
    return {
      ok: true,
      status: response.status,
      body: text,
      retryAfter: response.headers.get('Retry-After'),
    };
  } catch (error) {
    const code = controller.signal.aborted ? 'timeout' : 'network';
    const message = error instanceof Error ? error.message : String(error);
    const detail = shownDetail(message, config);
    return { ok: false, error: { code, ...(detail ? { detail } : {}) } };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A redirect, with where it pointed when the answer says so (a browser hides it from an
 * unfollowed redirect; Node and tests see it).
 */
function redirectError(config: LrsConfig, response: ResponseLike, requested: string): LrsError {
  const location = response.headers.get('Location');
  let target: string | undefined;
  try {
    target = location ? new URL(location, requested).href : undefined;
  } catch {
    target = undefined;
  }
  return {
    code: 'redirect',
    ...(response.status >= 300 ? { status: response.status } : {}),
    ...(target ? { detail: redact(target, config).slice(0, MAX_DETAIL) } : {}),
  };
}

function httpError(config: LrsConfig, ex: Exchange, now: number): LrsError {
  const detail = shownDetail(ex.body, config);
  const retryAfterMs = parseRetryAfter(ex.retryAfter, now);
  return {
    code: classify(ex.status),
    status: ex.status,
    ...(detail ? { detail } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

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
