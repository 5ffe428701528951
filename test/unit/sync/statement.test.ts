import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1, toHex } from '../../../lib/sync/sha1';
import {
  canonicalJson,
  contentHash,
  derivedId,
  remapStatementRefs,
  revisionId,
  sameStatement,
  VOIDED_VERB,
  voidingStatement,
} from '../../../lib/sync/statement';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('sha1', () => {
  it.each(['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'ünïcødé ✓'.repeat(40)])(
    'matches the platform digest for %j',
    (text) => {
      const bytes = new TextEncoder().encode(text);
      expect(toHex(sha1(bytes))).toBe(createHash('sha1').update(bytes).digest('hex'));
    },
  );
});

describe('derivedId', () => {
  it('is a stable version 5 UUID', () => {
    const a = derivedId('x:rev:1');
    expect(a).toMatch(UUID_V5);
    expect(derivedId('x:rev:1')).toBe(a);
    expect(derivedId('x:rev:2')).not.toBe(a);
  });

  it('keeps the exporter id for revision 0 only', () => {
    expect(revisionId('6f0d2c1e-8a3b-4f5e-9c7d-1a2b3c4d5e6f', 0)).toBe(
      '6f0d2c1e-8a3b-4f5e-9c7d-1a2b3c4d5e6f',
    );
    expect(revisionId('6f0d2c1e-8a3b-4f5e-9c7d-1a2b3c4d5e6f', 1)).toMatch(UUID_V5);
  });
});

describe('canonicalJson', () => {
  it('ignores key order and undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: undefined } })).toBe(
      canonicalJson({ a: { d: [1, { e: 2, f: 1 }] }, b: 1 }),
    );
  });
});

describe('remapStatementRefs', () => {
  it('moves StatementRefs to new ids and leaves everything else', () => {
    const reflection = {
      id: 'r',
      object: { objectType: 'Activity', id: 'a' },
      context: { statement: { objectType: 'StatementRef', id: 'a' } },
    };
    expect(remapStatementRefs(reflection, new Map([['a', 'b']]))).toEqual({
      id: 'r',
      object: { objectType: 'Activity', id: 'a' },
      context: { statement: { objectType: 'StatementRef', id: 'b' } },
    });
  });
});

describe('voidingStatement', () => {
  it('voids by StatementRef with the same actor and a stable id', () => {
    const actor = { objectType: 'Agent', mbox: 'mailto:ada@example.org' };
    const v = voidingStatement({ id: 'a', actor }, '2026-01-01T00:00:00.000Z');
    expect(v).toMatchObject({
      actor,
      verb: { id: VOIDED_VERB },
      object: { objectType: 'StatementRef', id: 'a' },
    });
    expect(voidingStatement({ id: 'a', actor }, '2027-01-01T00:00:00.000Z').id).toBe(v.id);
  });
});

describe('sameStatement', () => {
  const sent = {
    id: 'a',
    actor: { mbox: 'mailto:a@b.c' },
    verb: { id: 'http://activitystrea.ms/schema/1.0/read' },
    object: { id: 'https://example.org/a' },
    timestamp: '2025-06-02T10:04:11.512+02:00',
  };

  it('accepts what an LRS adds and a timestamp in another zone', () => {
    const stored = {
      ...sent,
      actor: { mbox: 'mailto:a@b.c', objectType: 'Agent' },
      object: { id: 'https://example.org/a', objectType: 'Activity' },
      timestamp: '2025-06-02T08:04:11.512Z',
      stored: '2025-06-02T08:05:00.000Z',
      authority: { mbox: 'mailto:lrs@example.org' },
      version: '1.0.0',
    };
    expect(sameStatement(sent, stored)).toBe(true);
  });

  it.each([
    ['another object', { object: { id: 'https://example.org/b' } }],
    ['another instant', { timestamp: '2025-06-02T08:04:12.512Z' }],
    ['an added result', { result: { completion: true } }],
  ])('rejects %s', (_, change) => {
    expect(sameStatement(sent, { ...sent, ...change })).toBe(false);
  });

  it('rejects nothing stored', () => {
    expect(sameStatement(sent, undefined)).toBe(false);
  });
});

describe('contentHash', () => {
  it('ignores key order and notices any change', () => {
    expect(contentHash({ b: 1, a: { c: [1, 2] } })).toBe(contentHash({ a: { c: [1, 2] }, b: 1 }));
    expect(contentHash({ a: { c: [2, 1] } })).not.toBe(contentHash({ a: { c: [1, 2] } }));
    expect(contentHash({})).toMatch(/^[0-9a-f]{40}$/);
  });
});
