// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PageAssets } from '../../../lib/endorsement-request/page-html';
import { buildSkillRecord } from '../../../lib/export/openbadges/build';
import { prepareExport, type PrivacyLevel } from '../../../lib/export/privacy';
import { portfolioFilename, recordFilename } from '../../../lib/portfolio/files';
import { PORTFOLIO_DATA_ID, portfolioPageHtml } from '../../../lib/portfolio/page-html';
import { recordView } from '../../../lib/portfolio/record-view';
import { recordScope } from '../../../lib/portfolio/scope';
import type { PortfolioPageText } from '../../../lib/portfolio/text';
import { SKILL, weekFixture } from '../../fixtures/week';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const script = 'document.title = "ran";';
const style = 'body { color: #111; }';
const assets: PageAssets = { script, scriptHash: hash(script), style, styleHash: hash(style) };
const text = new Proxy({} as PortfolioPageText, {
  get: (_, key) => (key === 'title' ? 'Portfolio of $1' : `[${String(key)}]`),
});

async function record(level: PrivacyLevel = 'full', from?: number) {
  const f = weekFixture();
  const sessions = f.data.sessions.map((s, i) =>
    i === 0 ? { ...s, provenance: 'captured' as const } : s,
  );
  const scope = recordScope({ ...f.data, sessions }, [SKILL.css], {
    now: f.now,
    timeZone: f.timeZone,
    from,
  })!;
  const shared = prepareExport(scope.data, {
    start: scope.start,
    end: scope.end,
    timeZone: f.timeZone,
    level,
  });
  return buildSkillRecord(shared, SKILL.css, { issuerId: 'did:key:z6MkLearner', now: f.now });
}

describe('what the portfolio page shows of a skill record', () => {
  it('reads its counts by provenance, measured minutes and span from the credential', async () => {
    const view = recordView(await record());
    expect(view.skill).toBe('CSS');
    expect(view.counts).toEqual({
      measured: 2,
      captured: 1,
      written: 3,
      stated: 0,
      'from-history': 0,
      vouched: 0,
    });
    expect(view.measuredMinutes).toBe(21);
    expect(view.first).toBe('2026-11-22');
    expect(view.latest).toBe('2026-11-29');
    expect(view.evidence.map((g) => g.provenance)).toEqual(['measured', 'captured', 'written']);
  });

  it('reads nothing from a credential that is not one', () => {
    const view = recordView({ credentialSubject: { result: [{ value: 'x' }] } });
    expect(view.measuredMinutes).toBe(0);
    expect(view.evidence).toEqual([]);
  });
});

describe('the portfolio scope', () => {
  it('covers the chosen skills from the day picked, and is empty before their first session', () => {
    const f = weekFixture();
    const all = recordScope(f.data, [SKILL.css], { now: f.now, timeZone: f.timeZone })!;
    const later = recordScope(f.data, [SKILL.css], {
      now: f.now,
      timeZone: f.timeZone,
      from: Date.UTC(2026, 10, 23),
    })!;
    expect(all.start).toBeLessThan(later.start);
    expect(later.data.sessions.length).toBeLessThan(all.data.sessions.length);
    // Only the chosen skill is left on a session tagged with several.
    expect(all.data.sessions.every((s) => s.skills.every((id) => id === SKILL.css))).toBe(true);
    expect(recordScope(f.data, ['no-such-skill'], { now: f.now })).toBeNull();
  });
});

describe('the portfolio page', () => {
  it('allows only its own script and style (and that script as a blob: worker), and holds the records in an inert data block', async () => {
    const credential = (await record()) as unknown as Record<string, unknown>;
    const html = portfolioPageHtml(
      {
        learner: 'Ada </script><script>alert(1)</script>',
        records: [{ skill: 'CSS', credential, filename: recordFilename('CSS') }],
        text,
        lang: 'ar',
      },
      assets,
    );
    expect(html).toContain(
      `content="default-src 'none'; script-src ${assets.scriptHash}; style-src ${assets.styleHash}; img-src data:; worker-src blob:; base-uri 'none'; form-action 'none'"`,
    );
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html.match(/<script/g)).toHaveLength(2);
    const block = html.slice(
      html.indexOf(`id="${PORTFOLIO_DATA_ID}">`) + PORTFOLIO_DATA_ID.length + 6,
      html.lastIndexOf('</script>\n<script>'),
    );
    const data = JSON.parse(block) as { records: { credential: unknown }[]; learner: string };
    expect(data.records[0]!.credential).toEqual(credential);
    expect(data.learner).toContain('</script>');
    expect(html).not.toContain('</script><script>alert(1)');
  });

  it('names its files from the learner and the skill', () => {
    expect(portfolioFilename('Ada Lovelace')).toBe('skilltrail-portfolio-ada-lovelace.html');
    expect(recordFilename('CSS grid')).toBe('skilltrail-record-css-grid.json');
  });
});
