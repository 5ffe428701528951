import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storageItem } from '../../../lib/settings/storage-item';

beforeEach(() => fakeBrowser.reset());

describe('a storage item', () => {
  it('gives its fallback until a value is stored, then the value, under its own key', async () => {
    const item = storageItem<{ n: number }>('local:counter', { n: 0 });
    expect(await item.getValue()).toEqual({ n: 0 });
    await item.setValue({ n: 2 });
    expect(await item.getValue()).toEqual({ n: 2 });
    // The key WXT's items used, so what learners stored before is read the same.
    expect(await fakeBrowser.storage.local.get('counter')).toEqual({ counter: { n: 2 } });
    expect(await fakeBrowser.storage.session.get('counter')).toEqual({});
  });

  it('keeps session items in storage.session', async () => {
    const item = storageItem<string[]>('session:queue', []);
    await item.setValue(['a']);
    expect(await fakeBrowser.storage.session.get('queue')).toEqual({ queue: ['a'] });
    expect(await fakeBrowser.storage.local.get('queue')).toEqual({});
  });

  it('tells a watcher of real changes, with the value before, until it unsubscribes', async () => {
    const item = storageItem<{ n: number }>('local:counter', { n: 0 });
    const other = storageItem<{ n: number }>('local:other', { n: 0 });
    const listener = vi.fn();
    const stop = item.watch(listener);
    await item.setValue({ n: 1 });
    await other.setValue({ n: 5 });
    await item.setValue({ n: 1 });
    expect(listener.mock.calls).toEqual([[{ n: 1 }, { n: 0 }]]);
    stop();
    await item.setValue({ n: 3 });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
