/**
 * One value per key, handed from whoever started it to the first who asks for it soon
 * after: a toolbar click starts a capture, and the popup it opens takes that capture
 * rather than starting a second one. Taken once; stale after `maxAgeMs`.
 * @example
 * const clicks = new Handoff<number, Promise<CaptureResult>>(10_000);
 * clicks.give(tabId, captureTab(tabId), Date.now());
 * const capture = clicks.take(tabId, Date.now()) ?? captureTab(tabId);
 */
export class Handoff<K, V> {
  private readonly held = new Map<K, { value: V; at: number }>();

  constructor(private readonly maxAgeMs: number) {}

  /** Holds `value` for `key` in place of anything held before; drops what went stale. */
  give(key: K, value: V, now: number): void {
    for (const [k, entry] of this.held) {
      if (now - entry.at > this.maxAgeMs) this.held.delete(k);
    }
    this.held.set(key, { value, at: now });
  }

  /** The value given for `key` within `maxAgeMs`, or undefined; either way none is held after. */
  take(key: K, now: number): V | undefined {
    const entry = this.held.get(key);
    this.held.delete(key);
    return entry && now - entry.at <= this.maxAgeMs ? entry.value : undefined;
  }
}
