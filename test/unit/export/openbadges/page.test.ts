// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { badgesHtmlFile } from '../../../../lib/export/openbadges/page';
import { HOSTILE_TITLE } from '../../../fixtures/week';
import { learnerForFile, weekBadges, weekShared } from '../../../fixtures/week-badges';

const learner = learnerForFile();

describe('badges page', () => {
  it('writes a readable page with escaped evidence and the signed credentials', async () => {
    const list = await weekBadges(learner.keys);
    const file = badgesHtmlFile(weekShared(), list);
    expect(file.filename).toBe('skilltrail-2026-W48-badges.html');
    expect(file.content).not.toContain(HOSTILE_TITLE);
    expect(file.content).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(file.content).not.toMatch(/<(script|img|iframe)/i);
    expect(file.content).not.toMatch(/href="javascript:/i);
    // The only data: links are the wallet files, one per badge.
    const dataLinks = [...file.content.matchAll(/href="(data:[^"]*)"/g)].map((m) => m[1]!);
    expect(dataLinks).toHaveLength(list.length);
    for (const link of dataLinks) expect(link).toMatch(/^data:application\/json;charset=utf-8,/);
    for (const b of list) expect(file.content).toContain(b.jws);
    expect(file.content).toContain('Front-end development — week 2026-W48');
    expect(badgesHtmlFile(weekShared(), []).content).toContain('no badges');
  });
});
