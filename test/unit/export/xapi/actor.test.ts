import { describe, expect, it } from 'vitest';
import { actorFromSettings } from '../../../../lib/export/identity';
import { IRI_BASE } from '../../../../lib/export/iri';
import { xapiActor } from '../../../../lib/export/xapi/actor';
import { DEFAULT_SETTINGS } from '../../../../lib/settings/settings';
import { openDb } from '../../../../lib/store/db';
import { getOrCreateInstallId } from '../../../../lib/store/install-id';

describe('xAPI actor', () => {
  it.each([
    [{ installId: 'i1' }, { objectType: 'Agent', account: { homePage: IRI_BASE, name: 'i1' } }],
    [
      { installId: 'i1', name: ' Ada ', email: 'ada@example.org', useEmail: true },
      { objectType: 'Agent', name: 'Ada', mbox: 'mailto:ada@example.org' },
    ],
    [
      { installId: 'i1', email: 'not an email', useEmail: true },
      { objectType: 'Agent', account: { homePage: IRI_BASE, name: 'i1' } },
    ],
    [
      { installId: 'i1', email: 'ada@example.org', useEmail: false },
      { objectType: 'Agent', account: { homePage: IRI_BASE, name: 'i1' } },
    ],
  ])('%j → %j', (options, agent) => {
    expect(xapiActor(options)).toEqual(agent);
  });

  it('keeps one pseudonymous install id per database', async () => {
    const db = openDb(`xapi-install-${Math.random()}`);
    const [a, b] = await Promise.all([getOrCreateInstallId(db), getOrCreateInstallId(db)]);
    expect(a).toBe(b);
    expect(await getOrCreateInstallId(db)).toBe(a);
    expect(actorFromSettings({ ...DEFAULT_SETTINGS, learnerName: 'Ada' }, a)).toEqual({
      installId: a,
      name: 'Ada',
      email: '',
      useEmail: false,
    });
    db.close();
  });
});
