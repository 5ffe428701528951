import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  badgeStrings,
  csvStrings,
  reportStrings,
  sessionLabelStrings,
} from '../../../components/i18n/export-strings';
import { exportCsv } from '../../../lib/export/csv';
import { exportHtml } from '../../../lib/export/html';
import { exportMarkdown } from '../../../lib/export/markdown';
import { issueBadges } from '../../../lib/export/openbadges/issue';
import { badgesHtmlFile } from '../../../lib/export/openbadges/page';
import { OB_TEXT } from '../../../lib/export/openbadges/text';
import { prepareExport, type PrivacyLevel } from '../../../lib/export/privacy';
import { REPORT_TEXT } from '../../../lib/export/report';
import { badgeKeys } from '../../fixtures/badge-keys';
import { weekFixture } from '../../fixtures/week';

type Messages = Record<string, { message: string }>;
const messagesOf = (dir: string) =>
  JSON.parse(readFileSync(`public/_locales/${dir}/messages.json`, 'utf8')) as Messages;

/** The browser as a learner's whose interface speaks `dir`: every message from that locale. */
function speak(dir: string) {
  const messages = messagesOf(dir);
  Object.assign(fakeBrowser.i18n, {
    getUILanguage: () => dir.replace('_', '-'),
    getMessage: (key: string, subs?: string | string[]) => {
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      return (messages[key]?.message ?? '').replace(
        /\$(\d)/g,
        (_, i: string) => list[Number(i) - 1] ?? '',
      );
    },
  });
  return messages;
}
const speakSpanish = () => speak('es');

/** Text without the bidi isolates that right-to-left messages put around what they quote. */
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');

const fx = weekFixture();
const options = { start: fx.week.start, end: fx.week.end, timeZone: fx.timeZone, weekStart: 1 };
const shared = (level: PrivacyLevel = 'full') =>
  prepareExport(fx.data, { ...options, level, strings: sessionLabelStrings() });

/** English words of the defaults that must not survive into a Spanish file. */
const ENGLISH = [
  REPORT_TEXT.summary,
  REPORT_TEXT.bySkill,
  REPORT_TEXT.byDay,
  REPORT_TEXT.topSources,
  REPORT_TEXT.generatedBy,
  REPORT_TEXT.noSkills,
  'Learning report',
  ' sessions',
  ' active',
  'Privacy:',
  'Web search on',
];

describe('readable exports in the interface language', () => {
  beforeEach(speakSpanish);

  it('writes the Markdown and printable reports in Spanish', () => {
    for (const file of [
      exportMarkdown(shared(), { locale: 'es', now: fx.now, strings: reportStrings('es') }),
      exportHtml(shared(), { locale: 'es', now: fx.now, strings: reportStrings('es') }),
    ]) {
      expect(file.content).toContain('Informe de aprendizaje — 2026-W48');
      expect(file.content).toContain('Resumen');
      expect(file.content).toContain('Qué se comparte: Todo.');
      expect(file.content).toMatch(/\d sesiones/);
      for (const english of ENGLISH) expect(file.content, english).not.toContain(english);
    }
  });

  it('names sessions whose title is withheld in Spanish', () => {
    const md = exportMarkdown(shared('sites'), { locale: 'es', strings: reportStrings('es') });
    expect(md.content).toContain('Búsqueda en ');
    expect(md.content).not.toContain(' on ');
  });

  it('chooses singular and plural as Spanish does', () => {
    const T = reportStrings('es');
    expect([T.sessionsCount(1), T.sessionsCount(2), T.pagesCount(0)]).toEqual([
      '1 sesión',
      '2 sesiones',
      '0 páginas',
    ]);
    expect(T.scrolled(45)).toBe('45\u00a0% recorrido');
  });

  it('heads the CSV with Spanish column names and codes', () => {
    const csv = exportCsv(shared(), { strings: csvStrings() }).content;
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFid_sesion,fecha,inicio,fin,tipo,habilidades,titulo,sitio,url,segundos_activos,minutos_activos,paginas,busquedas,consultas,nota,procedencia,minutos_declarados,tipo_de_aprendizaje,avalado_por',
    );
    expect(csv).toContain(',lectura,');
    // The vocabulary's own word, in every language.
    expect(csv.split('\r\n')[1]).toMatch(/,measured,,,$/);
    const totals = exportCsv(shared('totals'), { strings: csvStrings() }).content;
    expect(totals.split('\r\n')[0]).toBe(
      '\uFEFFfecha,habilidad,segundos_activos,minutos_activos,sesiones,minutos_declarados',
    );
    expect(totals).toContain('(sin habilidad)');
  });

  it('issues badges and their page in Spanish', async () => {
    const strings = badgeStrings('es');
    const badges = await issueBadges(shared(), await badgeKeys(), {
      now: fx.now,
      locale: 'es',
      strings,
    });
    const credential = badges[0]!.credential;
    expect(credential.name).toMatch(/ — la semana 2026-W48$/);
    expect(credential.credentialSubject.narrative).toMatch(
      /^En la semana 2026-W48 dediqué .+ de aprendizaje activo a .+: \d+ sesi/,
    );
    expect(credential.issuer.name).toBe('Persona que aprende con Skilltrail');
    const page = badgesHtmlFile(shared(), badges, { locale: 'es', strings }).content;
    expect(page).toContain('Insignias de Skilltrail — 2026-W48');
    expect(page).toContain('Emitida por');
    for (const english of [OB_TEXT.selfAsserted, OB_TEXT.evidence, OB_TEXT.criteriaHeading]) {
      expect(page, english).not.toContain(`>${english}`);
    }
  });
});

describe('English, for a learner whose interface is English', () => {
  it('keeps the CSV column names that scripts rely on', () => {
    const csv = exportCsv(shared(), { strings: csvStrings() }).content;
    expect(csv).toBe(exportCsv(shared()).content);
  });

  it('says the report’s words much as the built-in English does', () => {
    const md = exportMarkdown(shared(), { locale: 'en', strings: reportStrings('en') }).content;
    expect(md).toMatch(/^# Learning report — 2026-W48/);
    expect(md).toContain('## By skill');
    expect(md).toMatch(/\d sessions/);
  });
});

describe.each([
  ['fr', 'ltr'],
  ['pt_BR', 'ltr'],
  ['ar', 'rtl'],
  ['zh_CN', 'ltr'],
])('readable exports in %s', (dir, direction) => {
  const locale = dir.replace('_', '-');
  let M: Messages;
  beforeEach(() => {
    M = speak(dir);
  });
  /** The English words the defaults would write, less any the language shares ("sessions"). */
  const english = () => ENGLISH.filter((e) => !Object.values(M).some((m) => m.message.includes(e)));

  it('writes the Markdown and printable reports in the language, and the page its way', () => {
    const title = M.reportTitle!.message.replace('$1', '2026-W48');
    const md = exportMarkdown(shared(), { locale, now: fx.now, strings: reportStrings(locale) });
    const html = exportHtml(shared(), { locale, now: fx.now, strings: reportStrings(locale) });
    for (const file of [md, html]) {
      expect(plain(file.content)).toContain(title);
      expect(file.content).toContain(M.summaryHeading!.message);
      expect(file.content).toContain(M.bySkillHeading!.message);
      for (const e of english()) expect(file.content, e).not.toContain(e);
    }
    expect(html.content).toContain(`<html lang="${locale}" dir="${direction}">`);
  });

  it('names the CSV columns and codes in the language', () => {
    const csv = exportCsv(shared(), { strings: csvStrings() }).content;
    const header = csv.split('\r\n')[0]!.replace('\uFEFF', '').split(',');
    expect(header).toContain(M.csvSessionId!.message);
    expect(header).toContain(M.csvActiveMinutes!.message);
    expect(header).not.toContain('session_id');
    expect(csv).toContain(`,${M.csvKindReading!.message},`);
  });

  it('issues badges and their page in the language', async () => {
    const strings = badgeStrings(locale);
    const badges = await issueBadges(shared(), await badgeKeys(), { now: fx.now, locale, strings });
    const credential = badges[0]!.credential;
    expect(credential.issuer.name).toBe(M.badgeAnonymous!.message);
    expect(plain(credential.name)).toContain(M.badgePeriodWeek!.message.replace('$1', '2026-W48'));
    const page = badgesHtmlFile(shared(), badges, { locale, strings }).content;
    expect(plain(page)).toContain(M.badgePageTitle!.message.replace('$1', '2026-W48'));
    expect(page).toContain(`dir="${direction}"`);
    for (const e of [OB_TEXT.selfAsserted, OB_TEXT.evidence, OB_TEXT.criteriaHeading]) {
      expect(page, e).not.toContain(`>${e}`);
    }
  });
});
