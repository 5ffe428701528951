import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter, retryAt } from '../../../lib/sync/backoff';

describe('backoffDelay', () => {
  it.each([
    [1, 0, 15_000],
    [1, 1, 30_000],
    [2, 0, 30_000],
    [3, 1, 120_000],
    [8, 1, 3_600_000],
    [1000, 1, 3_600_000],
  ])('retry %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, DEFAULT_BACKOFF, () => random)).toBe(expected);
  });

  it('grows exponentially and stays within half and all of the step', () => {
    for (let attempt = 1; attempt <= 6; attempt++) {
      const step = 30_000 * 2 ** (attempt - 1);
      for (const r of [0, 0.3, 0.99]) {
        const d = backoffDelay(attempt, DEFAULT_BACKOFF, () => r);
        expect(d).toBeGreaterThanOrEqual(step / 2);
        expect(d).toBeLessThanOrEqual(step);
      }
    }
  });

  it('survives a random source outside [0, 1]', () => {
    expect(backoffDelay(1, DEFAULT_BACKOFF, () => 7)).toBe(30_000);
    expect(backoffDelay(1, DEFAULT_BACKOFF, () => -1)).toBe(15_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2015, 9, 21, 7, 27);
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 60_000],
    ['Wed, 21 Oct 2015 07:00:00 GMT', 0],
    ['99999999', 86_400_000],
  ])('reads %j as %i ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it.each([[null], [undefined], [''], ['soon'], ['-5'], ['1.5']])('ignores %j', (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});

describe('retryAt', () => {
  it("prefers the server's Retry-After to back-off", () => {
    expect(retryAt(1_000, 5, 2_000, DEFAULT_BACKOFF, () => 1)).toBe(3_000);
  });
  it('backs off when the server says nothing', () => {
    expect(retryAt(1_000, 2, undefined, DEFAULT_BACKOFF, () => 0)).toBe(31_000);
  });
});
