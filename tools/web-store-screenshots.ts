/**
 * `npm run web-store-screenshots`: the store's screenshots, made from the shipped build in real
 * Chromium with a sample week, in English and Spanish, and the small promo tile. Writes
 * 1280×800 PNGs (440×280 for the tile) into docs/web-store/screenshots/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Session, Skill } from '../lib/model';
import { skillKey } from '../lib/skills/names';
import { sampleWeek } from '../test/e2e/harness/a11y';
import { putRecords } from '../test/e2e/harness/dexie-reader';
import { type ExtensionSession, launchWithExtension } from '../test/e2e/harness/extension';
import { downloaded } from '../test/e2e/harness/pages';
import { htmlPage, startServer } from '../test/e2e/harness/server';

const OUT = resolve('docs/web-store/screenshots');
const SIZE = { width: 1280, height: 800 };
const TILE = { width: 440, height: 280 };
/** The site the sample week's pages are on, and the article the popup captures there. */
const SITE = 'http://css-notes.example';
const ARTICLE_PATH = '/subgrid';

/** What differs between the languages: the sample week's words and the article captured. */
interface Language {
  locale: string;
  learner: string;
  article: { title: string; byline: string; paragraphs: string[] };
  /** Sample week titles and skill names, English → this language. */
  words: Record<string, string>;
}

const LANGUAGES: Language[] = [
  {
    locale: 'en',
    learner: 'Alex Rivera',
    article: {
      title: 'CSS layout with subgrid',
      byline: 'By Ada Example',
      paragraphs: [
        'Subgrid lets a nested grid line up with the tracks of its parent, so cards, forms and tables keep their columns aligned without fixed sizes.',
        'Declare grid-template-columns: subgrid on the child, and its items take their places on the parent’s lines. Gaps are inherited too, and can be overridden.',
        'A row of cards is the classic case: titles, text and buttons each sit on one shared row, however long the text in one card grows.',
        'Subgrid works in every current browser. Where it does not, the nested grid simply keeps its own tracks, so the layout degrades gently.',
      ],
    },
    words: {},
  },
  {
    locale: 'es',
    learner: 'Alex Rivera',
    article: {
      title: 'Maquetación CSS con subgrid',
      byline: 'Por Ada Ejemplo',
      paragraphs: [
        'Subgrid permite que una rejilla anidada se alinee con las pistas de su rejilla madre, de modo que tarjetas, formularios y tablas mantienen sus columnas sin tamaños fijos.',
        'Declara grid-template-columns: subgrid en el hijo y sus elementos ocupan su lugar en las líneas de la madre. Los espacios también se heredan, y se pueden cambiar.',
        'Una fila de tarjetas es el caso clásico: títulos, textos y botones quedan cada uno en una fila común, por mucho que crezca el texto de una tarjeta.',
        'Subgrid funciona en todos los navegadores actuales. Donde no, la rejilla anidada conserva sus propias pistas y el diseño se degrada con suavidad.',
      ],
    },
    words: {
      'CSS layout': 'Maquetación CSS',
      SQL: 'SQL',
      'Selectors level 4': 'Selectores de nivel 4',
      'The :has() selector looks upward.': 'El selector :has() mira hacia arriba.',
      'A complete guide to CSS grid': 'Guía completa de CSS grid',
      'Grid areas name the parts of a layout.':
        'Las áreas de la rejilla nombran las partes de un diseño.',
      'Flexbox in depth': 'Flexbox a fondo',
      'Joins explained': 'Los joins explicados',
      'Window functions': 'Funciones de ventana',
      'Untagged reading': 'Lectura sin etiquetar',
      'sql index - Example Search': 'índice sql - Buscador de ejemplo',
      'How indexes work': 'Cómo funcionan los índices',
    },
  },
];

/** The sample week of the end-to-end tests, in `language`'s words. */
function localWeek(origin: string, language: Language) {
  const week = sampleWeek(origin);
  const say = (text: string) => language.words[text] ?? text;
  const skills: Skill[] = week.skills.map((s) => ({
    ...s,
    name: say(s.name),
    key: skillKey(say(s.name)),
  }));
  const sessions: Session[] = week.sessions.map((s) => ({
    ...s,
    title: say(s.title),
    note: say(s.note),
  }));
  const visits = week.visits.map((v) => ({ ...v, title: say(v.title) }));
  return { sessions, visits, searches: week.searches, skills };
}

/** A readable article on a plain, tidy site. */
function articlePage({ locale, article }: Language): string {
  const paragraphs = article.paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<title>${article.title} · CSS Notes</title>
<style>
body { margin: 0; font: 18px/1.6 Georgia, 'DejaVu Serif', serif; color: #222; background: #fbfaf7; }
header { padding: 14px 32px; background: #27323f; color: #fff; font: 600 18px system-ui, sans-serif; }
article { max-width: 40rem; margin: 40px 0 0 96px; }
h1 { font: 700 40px/1.2 system-ui, sans-serif; margin: 0 0 8px; }
.byline { color: #666; font: 15px system-ui, sans-serif; margin-bottom: 28px; }
</style></head>
<body><header>CSS Notes</header><main><article><h1>${article.title}</h1>
<p class="byline">${article.byline}</p>${paragraphs}</article></main></body></html>`;
}

/** Stores a learner's name, so exports and badges name someone. */
async function setLearner(page: Page, name: string): Promise<void> {
  await page.evaluate(async (learnerName) => {
    type Local = {
      get: (k: string) => Promise<Record<string, object>>;
      set: (v: object) => Promise<void>;
    };
    const { storage } = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome;
    const { settings = {} } = await storage.local.get('settings');
    await storage.local.set({ settings: { ...settings, learnerName } });
  }, name);
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, clip: { x: 0, y: 0, ...SIZE } });
  console.log(`  ${path}`);
}

/**
 * The popup as a learner sees it: over the page it captured, below the toolbar. The popup
 * is its own window, so the two screenshots are laid out on one canvas.
 */
async function popupOverPage(ext: ExtensionSession, tab: Page, popup: Page, name: string) {
  const pageShot = await tab.screenshot({ encoding: 'base64' });
  // The popup's window takes the width its page asks for, and the height of what it shows.
  const width = await popup.evaluate(() => document.documentElement.scrollWidth);
  await popup.setViewport({ width, height: 760 });
  const height = await popup.evaluate(() =>
    Math.ceil(document.getElementById('app')!.getBoundingClientRect().bottom + 12),
  );
  await popup.setViewport({ width, height: Math.min(height, 760) });
  // Chromium sizes a popup's window itself: capture what it shows, not its window.
  const popupShot = await popup.screenshot({
    encoding: 'base64',
    clip: { x: 0, y: 0, width, height: Math.min(height, 760) },
    captureBeyondViewport: true,
  });
  const canvas = await ext.browser.newPage();
  await canvas.setViewport(SIZE);
  await canvas.setContent(`<!doctype html><body style="margin:0;width:1280px;height:800px;overflow:hidden;position:relative">
<img src="data:image/png;base64,${pageShot}" style="position:absolute;inset:0;width:1280px;height:800px">
<img src="data:image/png;base64,${popupShot}" style="position:absolute;top:8px;right:16px;width:${width}px;border:1px solid #8a8f98;border-radius:8px;box-shadow:0 8px 28px rgb(0 0 0/.35)">
</body>`);
  await canvas.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  await shoot(canvas, name);
  await canvas.close();
}

async function screenshotsIn(language: Language): Promise<void> {
  const { locale } = language;
  console.log(`${locale}:`);
  const server = await startServer([htmlPage(ARTICLE_PATH, articlePage(language))]);
  // Pages on a site with a name, as a learner's are: every host reaches the local server.
  const hostResolverRules = `MAP * 127.0.0.1:${server.port}`;
  const languageBefore = process.env.LANGUAGE;
  // Chromium on Linux picks an extension's messages from the environment's language.
  process.env.LANGUAGE = locale;
  const ext = await launchWithExtension({
    build: 'production',
    hostResolverRules,
    args: [`--lang=${locale}`],
  });
  try {
    const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-screenshots-'));
    const cdp = await ext.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });

    const dashboard = await ext.openExtensionPage('/dashboard.html#/week');
    await dashboard.setViewport(SIZE);
    await dashboard.waitForSelector('.week-view');
    await putRecords(dashboard, localWeek(SITE, language));
    await setLearner(dashboard, language.learner);

    // The popup on an article of a site where a skill is already tagged: it suggests it.
    const tab = await ext.newTab();
    await tab.setViewport(SIZE);
    await tab.goto(`${SITE}${ARTICLE_PATH}`);
    await tab.bringToFront();
    const popup = await ext.openPopup(tab);
    await popup.waitForSelector('.suggestion-chips li');
    await popupOverPage(ext, tab, popup, `${locale}-1-popup`);
    // A popup closes itself once another page takes the focus.
    await popup.close().catch(() => undefined);
    await tab.close();

    await dashboard.bringToFront();
    await dashboard.reload();
    await dashboard.waitForSelector('.week-story');
    await shoot(dashboard, `${locale}-2-week`);

    await dashboard.goto(dashboard.url().replace(/#.*/, '#/skills'));
    await dashboard.waitForSelector('.skill-list li');
    await shoot(dashboard, `${locale}-3-skills`);

    await dashboard.goto(dashboard.url().replace(/#.*/, '#/week'));
    await dashboard.waitForSelector('[data-export="badges"]');
    await dashboard.click('[data-export="badges"]');
    const badges = await downloaded(downloads, /\.html$/);
    const page = await ext.browser.newPage();
    await page.setViewport(SIZE);
    await page.goto(`file://${badges.path}`);
    await shoot(page, `${locale}-4-badges`);
    rmSync(downloads, { recursive: true, force: true });

    if (locale === 'en') await promoTile(ext);
  } finally {
    if (languageBefore === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = languageBefore;
    await ext.close();
    await server.close();
  }
}

/** The small promo tile: the icon, the name and the short description, as store art. */
async function promoTile(ext: ExtensionSession): Promise<void> {
  const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
    string,
    { message: string }
  >;
  const icon = readFileSync('public/icon/128.png').toString('base64');
  const html = readFileSync(resolve('tools/promo-tile.html'), 'utf8')
    .replace('{{icon}}', `data:image/png;base64,${icon}`)
    .replace('{{name}}', messages.extName!.message)
    .replace('{{tagline}}', messages.extDescription!.message);
  const page = await ext.browser.newPage();
  await page.setViewport(TILE);
  await page.setContent(html);
  await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  const path = join(OUT, 'promo-tile-440x280.png');
  await page.screenshot({ path, clip: { x: 0, y: 0, ...TILE } });
  console.log(`  ${path}`);
  await page.close();
}

mkdirSync(OUT, { recursive: true });
for (const language of LANGUAGES) await screenshotsIn(language);
