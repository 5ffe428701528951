// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claimOf, fill } from '../../../lib/endorsement-request/claim';
import {
  jsonForScript,
  REQUEST_DATA_ID,
  requestPageCsp,
  requestPageHtml,
  type PageAssets,
} from '../../../lib/endorsement-request/page-html';
import type { RequestPageText } from '../../../lib/endorsement-request/text';
import { buildBadgeCredentials } from '../../../lib/export/openbadges/build';
import { learnerAchievementId } from '../../../lib/credentials/learner-binding';
import { prepareExport, type PrivacyLevel } from '../../../lib/export/privacy';
import { HOSTILE_TITLE, SKILL, weekFixture } from '../../fixtures/week';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const script = 'document.title = "ran";';
const style = 'body { color: #111; }';
const assets: PageAssets = { script, scriptHash: hash(script), style, styleHash: hash(style) };

async function credentialAt(level: PrivacyLevel, skillId: string = SKILL.frontEnd) {
  const f = weekFixture();
  const shared = prepareExport(f.data, { ...f.week, timeZone: f.timeZone, weekStart: 1, level });
  const all = await buildBadgeCredentials(shared, { issuerId: 'did:key:z6MkLearner', now: f.now });
  return all.find(
    (c) =>
      c.credentialSubject.achievement.id === learnerAchievementId('did:key:z6MkLearner', skillId),
  )!;
}

const text = new Proxy({} as RequestPageText, {
  get: (_, key) => (key === 'title' ? 'Endorsement request: <Front-end>' : `[${String(key)}]`),
});

describe('the request page’s claim', () => {
  it('endorses the skill’s achievement, which names the learner’s key: the id checkEndorsement matches', async () => {
    const claim = claimOf(await credentialAt('full'))!;
    expect(claim.subjectId).toBe(`did:key:z6MkLearner/skills/${SKILL.frontEnd}`);
    expect(claim).toMatchObject({
      skill: 'Front-end development',
      learner: 'Skilltrail learner',
      learnerId: 'did:key:z6MkLearner',
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(claim.narrative).toMatch(/Front-end development/);
  });

  it('shows evidence as the level allows, with links only to web pages', async () => {
    const full = claimOf(await credentialAt('full'))!;
    expect(full.evidence.map((e) => e.name)).toContain(HOSTILE_TITLE);
    expect(full.evidence.some((e) => e.narrative?.includes('<script>alert(1)</script>'))).toBe(
      true,
    );
    expect(full.evidence.every((e) => !e.href || /^https?:\/\//.test(e.href))).toBe(true);
    const sites = claimOf(await credentialAt('sites'))!;
    expect(sites.evidence.some((e) => e.name === HOSTILE_TITLE || e.href || e.narrative)).toBe(
      false,
    );
    expect(claimOf(await credentialAt('totals'))!.evidence).toEqual([]);
  });

  it('makes nothing of what is not a badge, and keeps only text of a hostile one', () => {
    expect(claimOf(null)).toBeNull();
    expect(claimOf({ credentialSubject: {} })).toBeNull();
    const odd = claimOf({
      issuer: { id: 'did:key:z6Mk', name: { toString: 'x' } },
      credentialSubject: {
        achievement: { id: 'urn:x', name: 'CSS' },
        activityStartDate: 'soon',
      },
      evidence: [{ id: 'javascript:alert(1)', name: 'x' }, 'not an object'],
    })!;
    expect(odd).toMatchObject({ learner: '', from: '', evidence: [{ name: 'x' }] });
    expect(odd.evidence[0]!.href).toBeUndefined();
  });

  it('fills placeholders once, whatever the values hold', () => {
    expect(fill('From $1 to $2', '$2', 'b')).toBe('From $2 to b');
    expect(fill('Saved $1.', 'a.json')).toBe('Saved a.json.');
  });
});

describe('the request page', () => {
  it('keeps data in a JSON block that no value can close, and reads back the same', async () => {
    const credential = await credentialAt('full');
    const hostile = { ...credential, name: '</script><script>alert(1)</script><!--' };
    const json = jsonForScript({ credential: hostile });
    expect(json).not.toMatch(/[<>]/);
    expect(JSON.parse(json)).toEqual({ credential: hostile });
    expect(jsonForScript('\u2028&')).toBe('"\\u2028\\u0026"');
  });

  it('allows its own script and style by hash and nothing else', () => {
    expect(requestPageCsp(assets)).toBe(
      `default-src 'none'; script-src ${hash(script)}; style-src ${hash(style)}; img-src data:; base-uri 'none'; form-action 'none'`,
    );
    expect(() => requestPageCsp({ ...assets, scriptHash: "'unsafe-inline'" })).toThrow();
    expect(requestPageCsp(assets, { workers: true })).toContain(
      '; img-src data:; worker-src blob:;',
    );
  });

  it('is one document in the learner’s language and direction, its title escaped', async () => {
    const credential = await credentialAt('full');
    const html = requestPageHtml({ credential, text, lang: 'ar' }, assets);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.documentElement.lang).toBe('ar');
    expect(doc.documentElement.dir).toBe('rtl');
    expect(doc.title).toBe('Endorsement request: <Front-end>');
    expect(doc.querySelector('h1')!.textContent).toBe('Endorsement request: <Front-end>');
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((s) => s.type)).toEqual(['application/json', '']);
    expect(scripts[1]!.textContent).toBe(script);
    expect(doc.querySelector('style')!.textContent).toBe(style);
    const data = JSON.parse(doc.getElementById(REQUEST_DATA_ID)!.textContent!);
    expect(data).toEqual({ credential, text: { ...text }, lang: 'ar' });
    expect(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content'),
    ).toBe(requestPageCsp(assets));
  });
});
