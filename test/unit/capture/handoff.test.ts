import { describe, expect, it } from 'vitest';
import { Handoff } from '../../../lib/capture/handoff';

describe('Handoff', () => {
  it('hands a value to the first who asks, once', () => {
    const h = new Handoff<number, string>(1000);
    h.give(7, 'capture', 0);
    expect(h.take(7, 500)).toBe('capture');
    expect(h.take(7, 501)).toBeUndefined();
  });

  it('keeps one value per key, the latest', () => {
    const h = new Handoff<number, string>(1000);
    h.give(1, 'first', 0);
    h.give(2, 'other tab', 0);
    h.give(1, 'second', 10);
    expect(h.take(1, 20)).toBe('second');
    expect(h.take(2, 20)).toBe('other tab');
  });

  it('hands over nothing once the value is older than its age limit', () => {
    const h = new Handoff<number, string>(1000);
    h.give(7, 'capture', 0);
    expect(h.take(7, 1000)).toBe('capture');
    h.give(7, 'capture', 0);
    expect(h.take(7, 1001)).toBeUndefined();
  });

  it('drops stale values when a new one is given, so untaken ones do not pile up', () => {
    const h = new Handoff<number, string>(1000);
    for (let tab = 0; tab < 100; tab++) h.give(tab, `tab ${tab}`, 0);
    h.give(500, 'late', 5000);
    expect((h as unknown as { held: Map<number, unknown> }).held.size).toBe(1);
    expect(h.take(3, 5000)).toBeUndefined();
    expect(h.take(500, 5000)).toBe('late');
  });
});
