/**
 * What the sync needs to know about an xAPI statement: its id, how to derive the id of a
 * revised copy, how to void it, and whether the copy an LRS stored is the one we sent.
 * The exporter builds statements; the sync only carries them.
 */
import type { XapiStatement } from '../export/xapi/statement';
import { sha1, toHex } from './sha1';

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

/** Namespace of every id the sync derives (random, fixed forever: ids must never change). */
const SYNC_NAMESPACE = '8d6c2f8e-5b0e-4c61-9a0a-4f1f3b6f2d17';

/**
 * JSON with object keys sorted at every level, so equal content gives an equal string
 * whatever order the exporter wrote the keys in.
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/**
 * A short digest of a statement's content (SHA-1 of its canonical JSON): enough to notice
 * an edit without keeping a second copy of every statement in the outbox.
 * @example contentHash({ b: 1, a: 2 }) === contentHash({ a: 2, b: 1 }) // true
 */
export function contentHash(value: unknown): string {
  return toHex(sha1(new TextEncoder().encode(canonicalJson(value))));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * A name-based UUID (RFC 9562 version 5) in the sync's namespace: the same name always
 * gives the same id, so queueing twice never makes two statements.
 * @example derivedId('6f0d2c1e-8a3b-4f5e-9c7d-1a2b3c4d5e6f:rev:1') // the same UUID every time
 */
export function derivedId(name: string): string {
  const ns = hexToBytes(SYNC_NAMESPACE.replace(/-/g, ''));
  const text = new TextEncoder().encode(name);
  const input = new Uint8Array(ns.length + text.length);
  input.set(ns);
  input.set(text, ns.length);
  const hash = sha1(input).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = toHex(hash);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * The id a statement gets in revision `revision` of its session. Revision 0 keeps the
 * exporter's id, so an unedited session has the same id in a file export and in the LRS;
 * later revisions need new ids because an LRS never replaces a stored statement.
 * @example revisionId('6f0d…', 0) // '6f0d…'
 */
export function revisionId(sourceId: string, revision: number): string {
  return revision === 0 ? sourceId : derivedId(`${sourceId}:rev:${revision}`);
}

/**
 * A copy of `value` with every StatementRef to a key of `ids` pointing at its new id
 * (a reflection refers to its reading statement; both move to a revision together).
 * @example remapStatementRefs({ object: { objectType: 'StatementRef', id: 'a' } }, new Map([['a', 'b']]))
 */
export function remapStatementRefs<T>(value: T, ids: ReadonlyMap<string, string>): T {
  if (Array.isArray(value)) return value.map((v: unknown) => remapStatementRefs(v, ids)) as T;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(record)) out[key] = remapStatementRefs(v, ids);
    if (record.objectType === 'StatementRef' && typeof record.id === 'string') {
      out.id = ids.get(record.id) ?? record.id;
    }
    return out as T;
  }
  return value;
}

/**
 * The statement that voids `target` (xAPI: verb voided, object a StatementRef). Its id is
 * derived from the target's, so voiding the same statement twice is one statement.
 * @example voidingStatement({ id: 'a', actor }, new Date().toISOString()) // { id, actor, verb: voided, object: StatementRef a }
 */
export function voidingStatement(target: XapiStatement, timestamp: string): XapiStatement {
  return {
    id: derivedId(`${target.id}:void`),
    actor: target.actor,
    verb: { id: VOIDED_VERB, display: { 'en-US': 'voided' } },
    object: { objectType: 'StatementRef', id: target.id },
    timestamp,
  };
}

// What an LRS adds to a statement it stores (xAPI 1.0.3 Data §2.4: set by the LRS).
const LRS_SET_TOP_LEVEL = new Set(['stored', 'authority', 'version', 'timestamp']);
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/;

/**
 * Whether the statement an LRS holds under our id is the one we sent, as xAPI's statement
 * comparison reads it: the LRS may add `stored`, `authority`, `version`, a missing
 * `timestamp` and default `objectType`s, and may write instants in another time zone.
 * @example sameStatement(sent, await lrs.get(sent.id)) // true after a lost 200
 */
export function sameStatement(sent: unknown, stored: unknown, topLevel = true): boolean {
  if (Array.isArray(sent)) {
    return (
      Array.isArray(stored) &&
      sent.length === stored.length &&
      sent.every((v, i) => sameStatement(v, stored[i], false))
    );
  }
  if (sent && typeof sent === 'object') {
    if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return false;
    const a = sent as Record<string, unknown>;
    const b = stored as Record<string, unknown>;
    for (const [key, value] of Object.entries(a)) {
      if (value === undefined) continue;
      if (!sameStatement(value, b[key], false)) return false;
    }
    for (const key of Object.keys(b)) {
      if (key in a && a[key] !== undefined) continue;
      if (key === 'objectType' || (topLevel && LRS_SET_TOP_LEVEL.has(key))) continue;
      return false;
    }
    return true;
  }
  if (typeof sent === 'string' && typeof stored === 'string' && sent !== stored) {
    return (
      ISO_INSTANT.test(sent) && ISO_INSTANT.test(stored) && Date.parse(sent) === Date.parse(stored)
    );
  }
  return sent === stored;
}
