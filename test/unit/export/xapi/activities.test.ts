import { describe, expect, it } from 'vitest';
import { IRI, IRI_BASE } from '../../../../lib/export/iri';
import { XAPI_VERB } from '../../../../lib/export/xapi/vocabulary';
import { get, weekStatements } from '../../../fixtures/week-statements';

describe('xAPI activities', () => {
  it('never uses a javascript: or data: URL as an activity id', async () => {
    for (const s of await weekStatements('full')) {
      expect(String(get(s, 'object', 'id'))).toMatch(/^https?:\/\//);
    }
  });

  it('uses opaque page IRIs at titles and site roots at sites', async () => {
    const titles = (await weekStatements('titles')).filter(
      (s) => get(s, 'verb', 'id') === XAPI_VERB.read.id,
    );
    expect(
      titles.every((s) => String(get(s, 'object', 'id')).startsWith(`${IRI_BASE}/pages/`)),
    ).toBe(true);
    expect(get(titles[0], 'object', 'definition', 'name')).toEqual({
      und: 'CSS grid layout - CSS | MDN',
    });
    expect(get(titles[0], 'context', 'extensions', IRI.extension.site)).toBe(
      'developer.mozilla.org',
    );
    const sites = (await weekStatements('sites')).filter(
      (s) => get(s, 'verb', 'id') === XAPI_VERB.read.id,
    );
    expect(get(sites[0], 'object')).toMatchObject({
      id: 'https://developer.mozilla.org/',
      definition: { name: { und: 'developer.mozilla.org' } },
    });
    for (const level of ['titles', 'sites'] as const) {
      const list = await weekStatements(level);
      expect(list.some((s) => get(s, 'verb', 'id') === XAPI_VERB.reflected.id)).toBe(false);
      expect(list.some((s) => get(s, 'result', 'response') !== undefined)).toBe(false);
    }
  });
});
