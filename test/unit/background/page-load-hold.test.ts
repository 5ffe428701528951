import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  heldWhileLoading,
  holdWhileLoading,
  loaded,
  releaseHeld,
} from '../../../entrypoints/background/page-load-hold';

/** Whether `promise` has settled once pending callbacks have run. */
async function settledYet(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
}

afterEach(() => {
  releaseHeld();
  vi.useRealTimers();
});

describe('page-load hold', () => {
  it('holds nothing while no tab loads', async () => {
    expect(await settledYet(heldWhileLoading())).toBe(true);
  });

  it('holds until every loading tab has loaded or closed', async () => {
    holdWhileLoading(1);
    holdWhileLoading(2);
    const held = heldWhileLoading();
    loaded(1);
    expect(await settledYet(held)).toBe(false);
    loaded(2);
    expect(await settledYet(held)).toBe(true);
    expect(await settledYet(heldWhileLoading())).toBe(true);
  });

  it('lets events go on after the longest hold, for a page that never finishes', async () => {
    vi.useFakeTimers();
    holdWhileLoading(1);
    const held = heldWhileLoading();
    await vi.advanceTimersByTimeAsync(2999);
    expect(await settledYet(held)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settledYet(held)).toBe(true);
    // The tab that never finished holds nothing more.
    expect(await settledYet(heldWhileLoading())).toBe(true);
  });
});
