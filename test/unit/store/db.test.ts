import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/store/db';
import { recordCapture, sessionsBetween, tagSession } from '../../../lib/store/sessions';
import { rankSkillMatches, skillKey } from '../../../lib/skills/names';
import { ensureSkill } from '../../../lib/store/skills';

const freshDb = () => openDb(`test-${crypto.randomUUID()}`);
const page = {
  url: 'https://a.org/grid',
  title: 'Grid',
  siteName: 'a.org',
  wordCount: 900,
  readerable: true,
};

describe('recordCapture', () => {
  it('creates one kept reading session for a new page', async () => {
    const db = freshDb();
    const { session, capture } = await recordCapture(db, page, { now: 1000 });
    expect(session).toMatchObject({
      kind: 'reading',
      status: 'kept',
      url: page.url,
      domain: 'a.org',
      title: 'Grid',
    });
    expect(capture.sessionId).toBe(session.id);
    expect(await db.sessions.count()).toBe(1);
  });

  it('updates the same session when the same canonical URL is captured again', async () => {
    const db = freshDb();
    const first = await recordCapture(db, page, { now: 1000 });
    const second = await recordCapture(db, { ...page, title: 'Grid, updated' }, { now: 2000 });
    expect(second.session.id).toBe(first.session.id);
    expect(second.capture.id).toBe(first.capture.id);
    expect(await db.sessions.count()).toBe(1);
    expect(await db.captures.count()).toBe(1);
    expect((await db.sessions.get(first.session.id))?.title).toBe('Grid, updated');
  });

  it('leaves the status alone when the capture was automatic', async () => {
    const db = freshDb();
    const { session } = await recordCapture(db, page, { now: 1000, automatic: true });
    expect(session.status).toBe('auto');
    const manual = await recordCapture(db, page, { now: 2000 });
    expect(manual.session.status).toBe('kept');
  });

  it('joins the session the tracker names for the tab', async () => {
    const db = freshDb();
    await db.sessions.add({
      id: 's1',
      kind: 'search',
      startedAt: 1,
      endedAt: 2,
      activeMs: 60_000,
      title: 'css grid',
      url: 'https://duckduckgo.com/?q=css+grid',
      domain: 'duckduckgo.com',
      engine: 'duckduckgo',
      skills: [],
      note: '',
      status: 'auto',
      updatedAt: 2,
    });
    const { session } = await recordCapture(db, page, { now: 1000, currentSessionId: 's1' });
    expect(session).toMatchObject({ id: 's1', kind: 'search', title: 'css grid', status: 'kept' });
  });
});

describe('tagging and weeks', () => {
  it('stores skills and a note, and finds sessions by week and by skill', async () => {
    const db = freshDb();
    const { session } = await recordCapture(db, page, { now: 5000 });
    const css = await ensureSkill(db, 'CSS', 5000);
    const again = await ensureSkill(db, '  css ', 6000);
    expect(again.id).toBe(css.id);
    await tagSession(db, session.id, { skills: [css.id, css.id], note: 'Named areas', now: 7000 });
    expect(await db.sessions.where('skills').equals(css.id).count()).toBe(1);
    const week = await sessionsBetween(db, 0, 10_000);
    expect(week.map((s) => s.note)).toEqual(['Named areas']);
    expect(week[0]?.skills).toEqual([css.id]);
    expect(await sessionsBetween(db, 6000, 10_000)).toEqual([]);
  });
});

describe('skill names', () => {
  it.each([
    ['CSS', ' css '],
    ['Front-end development', 'front end   DEVELOPMENT'],
    ['Café culture', 'cafe culture'],
    ['C++', 'c++'],
  ])('%s and %s are the same skill', (a, b) => {
    expect(skillKey(a)).toBe(skillKey(b));
  });

  it('keeps C++ and C# apart from C', () => {
    expect(new Set([skillKey('C'), skillKey('C++'), skillKey('C#')]).size).toBe(3);
  });

  it('ranks exact names, then prefixes, then words, then substrings', () => {
    const skill = (name: string, aliases: string[] = [], updatedAt = 0) => ({
      id: name,
      name,
      key: skillKey(name),
      aliases,
      colour: '#000',
      createdAt: 0,
      updatedAt,
    });
    const skills = [
      skill('Sass'),
      skill('CSS grid'),
      skill('CSS'),
      skill('Accessibility', ['a11y']),
      skill('Classic literature'),
    ];
    expect(rankSkillMatches('css', skills).map((s) => s.name)).toEqual(['CSS', 'CSS grid']);
    expect(rankSkillMatches('a11', skills).map((s) => s.name)).toEqual(['Accessibility']);
    expect(rankSkillMatches('lit', skills).map((s) => s.name)).toEqual([
      'Classic literature',
      'Accessibility',
    ]);
    expect(rankSkillMatches('', skills)).toEqual([]);
  });
});
