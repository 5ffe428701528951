/**
 * One request to the LRS and its answer: sent with `fetch` (a parameter), never following
 * a redirect, given up after a timeout, and every failure turned into a classified error
 * the learner may read. Never throws.
 */
import { parseRetryAfter } from './backoff';
import { checkEndpoint, requestHeaders, type LrsConfig } from './lrs-endpoint';
import { statusErrorCode, type LrsError, type LrsResult } from './lrs-errors';
import { MAX_DETAIL, redact, shownDetail } from './lrs-redact';

/** Requests longer than this are given up (and retried later) so a hung LRS never blocks the queue. */
export const DEFAULT_TIMEOUT_MS = 30_000;

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

/** An answer that is not a redirect, read in full. */
export interface Exchange {
  status: number;
  body: string;
  retryAfter: string | null;
}

export interface RequestOptions {
  timeoutMs?: number;
  /** For `Retry-After` dates. */
  now?: () => number;
}

/**
 * Sends one request to `<endpoint><path>` and reads the whole answer, or says why not.
 * @example await exchange(config, fetch, 'GET', '/about', undefined, {}) // { ok: true, status: 200, … }
 */
export async function exchange(
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
      headers: requestHeaders(config, body !== undefined),
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

/**
 * The error an answer that is not a success stands for, with the LRS's words and its
 * `Retry-After`, read against `now`.
 * @example httpError(config, { status: 429, body: '', retryAfter: '5' }, Date.now()) // { code: 'rate-limited', status: 429, retryAfterMs: 5000 }
 */
export function httpError(config: LrsConfig, ex: Exchange, now: number): LrsError {
  const detail = shownDetail(ex.body, config);
  const retryAfterMs = parseRetryAfter(ex.retryAfter, now);
  return {
    code: statusErrorCode(ex.status),
    status: ex.status,
    ...(detail ? { detail } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}
