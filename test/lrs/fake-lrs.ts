/**
 * An in-memory stand-in for an LRS as a `FetchLike`, for unit tests: stores statements by
 * id (same content again = 200, different = 409), refuses statements without actor, verb
 * or object (400), answers `/about`, and plays scripted faults first.
 */
import type { FetchInit, FetchLike, ResponseLike } from '../../lib/sync/lrs-exchange';
import type { XapiStatement } from '../../lib/export/xapi/statement';
import { canonicalJson } from '../../lib/sync/statement';

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A fault: a reply, or a thrown network error. */
export type Fault = FakeReply | { throws: string };

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  redirect: FetchInit['redirect'];
}

export interface FakeLrs {
  fetch: FetchLike;
  statements: Map<string, XapiStatement>;
  requests: Recorded[];
  /** Faults answered, in order, before the LRS answers normally again. */
  faults: Fault[];
  /** Answer 409 for an id it already has even when the content is the same (allowed by xAPI). */
  conflictOnDuplicate: boolean;
}

function reply({ status, body, headers = {} }: FakeReply): ResponseLike {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status,
    headers: { get: (name) => lower[name.toLowerCase()] ?? null },
    text: async () => text,
  };
}

export function fakeLrs(): FakeLrs {
  const lrs: FakeLrs = {
    statements: new Map(),
    requests: [],
    faults: [],
    conflictOnDuplicate: false,
    fetch: async (url: string, init: FetchInit) => {
      lrs.requests.push({
        method: init.method,
        url,
        headers: init.headers,
        body: init.body,
        redirect: init.redirect,
      });
      const fault = lrs.faults.shift();
      if (fault && 'throws' in fault) throw new TypeError(fault.throws);
      if (fault) return reply(fault);
      const { pathname, searchParams } = new URL(url);
      if (pathname.endsWith('/about')) return reply({ status: 200, body: { version: ['1.0.3'] } });
      if (!pathname.endsWith('/statements'))
        return reply({ status: 404, body: { message: 'Not found' } });
      if (init.method === 'GET') {
        const id = searchParams.get('statementId');
        if (id === null)
          return reply({
            status: 200,
            body: { statements: [...lrs.statements.values()].slice(0, 1), more: '' },
          });
        const s = lrs.statements.get(id);
        return s
          ? reply({
              status: 200,
              body: { ...s, stored: new Date(0).toISOString(), version: '1.0.0' },
            })
          : reply({ status: 404, body: { message: 'No Statement found' } });
      }
      const batch = JSON.parse(init.body ?? '[]') as XapiStatement[];
      const warnings = batch.flatMap((s, i) =>
        ['actor', 'verb', 'object']
          .filter((k) => !(k in s))
          .map((k) => `Missing required value in 'statements.${i}.${k}'`),
      );
      if (warnings.length > 0) return reply({ status: 400, body: { warnings } });
      for (const s of batch) {
        const old = lrs.statements.get(s.id);
        if (old && (lrs.conflictOnDuplicate || canonicalJson(old) !== canonicalJson(s))) {
          return reply({ status: 409, body: { message: `${s.id} is conflicting` } });
        }
      }
      for (const s of batch) lrs.statements.set(s.id, s);
      return reply({ status: 200, body: batch.map((s) => s.id) });
    },
  };
  return lrs;
}
