import { describe, expect, it } from 'vitest';
import type { Session } from '../../../lib/model';
import {
  errorLabel,
  isRetryableWriteError,
  isStorageFullError,
  keepWrite,
  mergeRecordPuts,
  type PendingWrite,
  type RecordPuts,
  readQueue,
  retryDelayMs,
  settleAttempt,
  waitingRows,
  WRITES_WAITING,
} from '../../../lib/store/pending-writes';

/** A capture kept for later; `now` tells two versions of it apart. */
const write = (id: string, key?: string, now = 0): PendingWrite => ({
  id,
  writer: 'capture',
  key,
  payload: { shaped: capturePage(key ?? id), now, sessionId: null },
  keptAt: Number(id.replace(/\D/g, '')) || 0,
  attempts: 0,
  error: 'QuotaExceededError',
});

function capturePage(name: string) {
  return {
    url: `https://example.org/${name}`,
    title: name,
    domain: 'example.org',
    wordCount: 1,
    readingMinutes: 1,
    readerable: true,
  };
}

/** Dexie wraps the browser's error: a transaction aborted because the quota ran out. */
const dexieAbort = { name: 'AbortError', message: 'aborted', inner: quota() };
function quota() {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

describe('which failed writes are kept for a retry', () => {
  it.each([
    ['a QuotaExceededError', quota(), true, true],
    ['Dexie’s AbortError around a quota error', dexieAbort, true, true],
    ['an AbortError (disk I/O)', new DOMException('x', 'AbortError'), true, false],
    ['an UnknownError (Chrome’s disk errors)', { name: 'UnknownError' }, true, false],
    ['a closed database', { name: 'DatabaseClosedError' }, true, false],
    ['an error whose cause is a quota error', new Error('x', { cause: quota() }), true, true],
    ['a ConstraintError (a bug, would fail forever)', { name: 'ConstraintError' }, false, false],
    ['a DataError', new DOMException('x', 'DataError'), false, false],
    ['a TypeError', new TypeError('x'), false, false],
    ['nothing', undefined, false, false],
    ['a string', 'QuotaExceededError', false, false],
  ])('%s: retryable %s, storage full %s', (_name, error, retryable, full) => {
    expect(isRetryableWriteError(error)).toBe(retryable);
    expect(isStorageFullError(error)).toBe(full);
  });

  it('names the most useful error', () => {
    expect(errorLabel(dexieAbort)).toBe('QuotaExceededError');
    expect(errorLabel({ name: 'AbortError', inner: { name: 'UnknownError' } })).toBe(
      'UnknownError',
    );
    expect(errorLabel(42)).toBe('Error');
  });
});

describe('the queue', () => {
  it('keeps writes in order', () => {
    const q = keepWrite(keepWrite([], write('w1')), write('w2'));
    expect(q.map((w) => w.id)).toEqual(['w1', 'w2']);
  });

  it('replaces a waiting write of the same record in place, keeping its place and age', () => {
    let q = keepWrite([], write('w1', 'session:a', 1));
    q = keepWrite(q, write('w2', 'session:b'));
    q = settleAttempt(q, 0, 'QuotaExceededError');
    q = keepWrite(q, write('w3', 'session:a', 2));
    expect(q.map((w) => w.key)).toEqual(['session:a', 'session:b']);
    expect(q[0]).toMatchObject({ payload: { now: 2 }, keptAt: 1, attempts: 1 });
  });

  it('never merges writes without a key', () => {
    expect(keepWrite([write('w1')], write('w2'))).toHaveLength(2);
  });

  it('drops what was stored and counts an attempt on the write that failed', () => {
    const q = [write('w1'), write('w2'), write('w3')];
    const next = settleAttempt(q, 1, 'UnknownError');
    expect(next.map((w) => w.id)).toEqual(['w2', 'w3']);
    expect(next[0]).toMatchObject({ attempts: 1, error: 'UnknownError' });
    expect(next[1]).toMatchObject({ attempts: 0 });
    expect(settleAttempt(q, 3)).toEqual([]);
  });

  it.each([
    [0, 30_000],
    [1, 60_000],
    [2, 120_000],
    [4, 480_000],
    [5, 900_000],
    [50, 900_000],
    [-1, 30_000],
  ])('after %i failed attempts waits %i ms', (attempts, ms) => {
    expect(retryDelayMs(attempts)).toBe(ms);
  });

  it('reads a stored queue without trusting it', () => {
    expect(readQueue(undefined)).toEqual([]);
    expect(readQueue({})).toEqual([]);
    expect(readQueue([write('w1'), null, { id: 'x' }, 7])).toEqual([write('w1')]);
  });
});

describe('batches of puts', () => {
  const a1 = session('a', 1);
  const a2 = session('a', 2);
  const b1 = session('b', 1);
  const state = (v: number) => ({ key: 'tracker', value: v });
  const put = (id: string, payload: RecordPuts): PendingWrite => ({
    ...write(id),
    writer: 'put-records',
    payload,
  });

  it('merge into the latest version of each row', () => {
    expect(
      mergeRecordPuts(
        [
          { table: 'sessions', rows: [a1, b1] },
          { table: 'meta', rows: [state(1)] },
        ],
        [
          { table: 'sessions', rows: [a2] },
          { table: 'meta', rows: [state(2)] },
        ],
      ),
    ).toEqual([
      { table: 'sessions', rows: [a2, b1] },
      { table: 'meta', rows: [state(2)] },
    ]);
  });

  it('merge only consecutive writes of the same writer', () => {
    let q = keepWrite([], put('w1', [{ table: 'sessions', rows: [a1] }]));
    q = keepWrite(q, put('w2', [{ table: 'sessions', rows: [a2] }]));
    expect(q).toHaveLength(1);
    expect(q[0]!.payload).toEqual([{ table: 'sessions', rows: [a2] }]);
    q = keepWrite(q, write('w3'));
    q = keepWrite(q, put('w4', [{ table: 'sessions', rows: [b1] }]));
    expect(q.map((w) => w.writer)).toEqual(['put-records', 'capture', 'put-records']);
  });

  it('show the latest waiting row of each table to a reader', () => {
    const q: PendingWrite[] = [
      put('w1', [{ table: 'sessions', rows: [a1] }]),
      write('w2'),
      put('w3', [
        { table: 'sessions', rows: [a2] },
        { table: 'meta', rows: [state(3)] },
      ]),
    ];
    const rows = waitingRows(q);
    expect(rows.sessions.get('a')).toEqual(a2);
    expect(rows.meta.get('tracker')).toEqual(state(3));
    expect(rows.sessions.get('b')).toBeUndefined();
  });

  it('count "older writes wait" as a reason to keep a write', () => {
    expect(isRetryableWriteError({ name: WRITES_WAITING })).toBe(true);
  });
});

function session(id: string, version: number): Session {
  return {
    id,
    kind: 'reading',
    startedAt: 1,
    endedAt: 2,
    activeMs: 60_000,
    title: `${id} v${version}`,
    url: `https://example.org/${id}`,
    domain: 'example.org',
    skills: [],
    note: '',
    status: 'auto',
    provenance: 'measured',
    updatedAt: version,
  };
}
