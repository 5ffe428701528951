/**
 * What can go wrong talking to an LRS, as data: the categories the sync acts on and the
 * learner can read, and which of them are worth a retry or need the learner.
 */

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

/**
 * The category of an HTTP status that is neither a success nor a redirect.
 * @example statusErrorCode(503) // 'server'
 */
export function statusErrorCode(status: number): LrsErrorCode {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 405) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'rejected';
}
