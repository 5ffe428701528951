import { describe, expect, it } from 'vitest';
import { prepareExport, type PrivacyLevel } from '../../../../lib/export/privacy';
import { exportWeekAsXapi } from '../../../../lib/export/xapi/file';
import { weekFixture } from '../../../fixtures/week';
import { ACTOR } from '../../../fixtures/week-statements';

const INSTALL_ID = 'a3f9c2e1-7b4d-4c2a-9e8f-1d2c3b4a5f60';

async function file(level: PrivacyLevel) {
  const f = weekFixture();
  const shared = prepareExport(f.data, { ...f.week, timeZone: f.timeZone, weekStart: 1, level });
  const out = await exportWeekAsXapi(shared, { installId: INSTALL_ID });
  return {
    text: out.content,
    statements: JSON.parse(out.content) as { id: string; actor: { account?: { name: string } } }[],
  };
}

describe('who an xAPI file names', () => {
  it('is the installation at full', async () => {
    const { statements } = await file('full');
    expect(statements[0]!.actor.account?.name).toBe(INSTALL_ID);
  });

  it.each(['titles', 'sites', 'totals'] as const)(
    'is a new account in every file at %s, so two files cannot be linked',
    async (level) => {
      const [a, b] = [await file(level), await file(level)];
      expect(a.text).not.toContain(INSTALL_ID);
      const names = (f: typeof a) => new Set(f.statements.map((s) => s.actor.account?.name));
      expect(names(a).size).toBe(1);
      expect([...names(a)][0]).not.toBe([...names(b)][0]);
      // Statement ids are per file too: the same session in two files shares nothing.
      const ids = new Set(a.statements.map((s) => s.id));
      expect(b.statements.some((s) => ids.has(s.id))).toBe(false);
    },
  );
});

describe('the xAPI file', () => {
  it('is deterministic: the same data gives byte-identical files', async () => {
    const f = weekFixture();
    const shared = prepareExport(f.data, { ...f.week, timeZone: f.timeZone, level: 'full' });
    const a = await exportWeekAsXapi(shared, ACTOR);
    const b = await exportWeekAsXapi(
      prepareExport(weekFixture().data, { ...f.week, timeZone: f.timeZone, level: 'full' }),
      ACTOR,
    );
    expect(a.content).toBe(b.content);
    expect(a.filename).toBe('skilltrail-2026-W48-xapi.json');
    expect(a.mimeType).toBe('application/json');
    expect(JSON.parse(a.content)).toHaveLength(21);
  });
});
