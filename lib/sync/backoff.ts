/**
 * When to try an LRS again after a failure: exponential back-off with jitter, and the
 * server's own `Retry-After` when it gives one. Pure: the random source is a parameter.
 */

export interface BackoffOptions {
  /** Delay cap for the first retry; doubles with each consecutive failure. */
  baseMs: number;
  /** No retry waits longer than this. */
  maxMs: number;
}

/**
 * Chrome fires alarms at most every 30 s, so shorter delays would only be rounded up;
 * an hour keeps an offline laptop from hammering a server that came back.
 */
export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = { baseMs: 30_000, maxMs: 3_600_000 };

/** A server asking for more than a day is treated as asking for a day. */
export const MAX_RETRY_AFTER_MS = 86_400_000;

/**
 * The delay before retry number `attempt` (1 = the first retry after one failure).
 * "Equal jitter": half the exponential delay is fixed, half random, so many learners
 * behind one LRS never retry in lockstep, yet no retry comes sooner than half the step.
 * @example backoffDelay(1, DEFAULT_BACKOFF, () => 0) // 15_000
 * @example backoffDelay(3, DEFAULT_BACKOFF, () => 1) // 120_000
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const step = Math.max(1, Math.floor(attempt));
  // 2 ** 40 already exceeds any sane cap; stop the exponent before it becomes Infinity.
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(step - 1, 40));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(exp / 2 + (exp / 2) * r);
}

/**
 * The delay a `Retry-After` header asks for: delta-seconds or an HTTP date (RFC 9110
 * §10.2.3). `undefined` when the header is missing or unreadable.
 * @example parseRetryAfter('120', 0) // 120_000
 * @example parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.UTC(2015, 9, 21, 7, 27)) // 60_000
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Math.min(MAX_RETRY_AFTER_MS, Number(text) * 1000);
  // HTTP dates start with a day name ("Wed, 21 Oct…"); anything else Date.parse might
  // still read ("-5", "1.5") is not one.
  const at = /^[A-Za-z]{3}/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now));
}

/**
 * The instant of the next attempt: the server's `Retry-After` when it gives one (it knows
 * its own load), otherwise exponential back-off.
 * @example retryAt(1_000, 2, undefined, DEFAULT_BACKOFF, () => 0) // 31_000
 */
export function retryAt(
  now: number,
  attempt: number,
  retryAfterMs: number | undefined,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return now + retryAfterMs;
  return now + backoffDelay(attempt, options, random);
}
