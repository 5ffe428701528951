import xapiValidation from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { IRI, IRI_BASE } from '../../../../lib/export/iri';
import { PRIVACY_LEVELS } from '../../../../lib/export/privacy';
import type { XapiStatement } from '../../../../lib/export/xapi/statement';
import { ACTOR, get, weekStatements } from '../../../fixtures/week-statements';

// The package is CommonJS with a default export; depending on interop it arrives wrapped.
const validate = ((xapiValidation as unknown as { default?: unknown }).default ??
  xapiValidation) as (s: unknown) => { path?: unknown; constructor: { name: string } }[];

function warningsOf(s: XapiStatement) {
  return validate(s).map((w) => `${w.constructor.name} at ${JSON.stringify(w.path)}`);
}

describe('xAPI statements', () => {
  it.each(PRIVACY_LEVELS)('all pass xapi-validation with zero warnings at %s', async (level) => {
    const list = await weekStatements(level);
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) expect(warningsOf(s), JSON.stringify(s, null, 1)).toEqual([]);
  });

  it('uses a validator that does report broken statements', () => {
    expect(validate({ actor: {}, verb: { id: 'nope' } }).length).toBeGreaterThan(0);
  });

  it('passes with an email actor and with an anonymous one', async () => {
    for (const actor of [
      { ...ACTOR, email: 'ada@example.org', useEmail: true },
      { installId: 'u-1' },
    ]) {
      for (const s of await weekStatements('full', actor)) expect(warningsOf(s)).toEqual([]);
    }
  });

  it('gives one experienced statement per skill at totals', async () => {
    const list = await weekStatements('totals');
    expect(list.map((s) => get(s, 'object', 'definition', 'name'))).toEqual([
      { und: 'Front-end development' },
      { und: 'CSS' },
      { und: 'Web cryptography' },
    ]);
    expect(get(list[0], 'result', 'duration')).toBe('PT30M');
    expect(get(list[0], 'context', 'contextActivities', 'grouping', 0, 'id')).toBe(
      `${IRI_BASE}/weeks/2026-W48`,
    );
  });

  it('gives different ids at different levels, so an LRS never sees a conflict', async () => {
    const full = new Set((await weekStatements('full')).map((s) => s.id));
    for (const s of await weekStatements('titles')) expect(full.has(s.id)).toBe(false);
  });

  it.each(['full', 'titles', 'sites'] as const)(
    'says at %s how each piece of evidence was obtained, in a context extension',
    async (level) => {
      const list = await weekStatements(level);
      const provenanceOf = (s: XapiStatement) =>
        get(s, 'context', 'extensions', IRI.extension.provenance);
      const verb = (s: XapiStatement) => get(s, 'verb', 'id') as string;
      const bySession = list.filter((s) => /read|watched|searched/.test(verb(s)));
      expect(bySession.length).toBeGreaterThan(0);
      for (const s of bySession) expect(provenanceOf(s)).toBe('measured');
      const words = list.filter((s) => /reflected|recalled|applied/.test(verb(s)));
      if (level === 'full') expect(words.length).toBeGreaterThan(0);
      for (const s of words) expect(provenanceOf(s)).toBe('written');
    },
  );
});
