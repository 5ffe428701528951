import { browser } from 'wxt/browser';
import { textDirectionOf } from '../../lib/format';

/**
 * The name of a string in `public/_locales/en/messages.json`, from the typed `getMessage`
 * WXT generates for that file (`wxt prepare`): a misspelt key fails the type check, and
 * test/unit/locales.test.ts checks that every locale has every key. The browser's own
 * `@@` messages are not strings of ours.
 */
export type MessageKey = Exclude<Parameters<typeof browser.i18n.getMessage>[0], `@@${string}`>;

/**
 * A user-facing string from `public/_locales/<lang>/messages.json`. Every string a person
 * reads goes through here, so a missing translation is a test failure, not a blank.
 * Numbers among the substitutions are written as the interface language writes them. In a
 * right-to-left language each substitution is a bidi isolate, so a week key, an English
 * skill name or a web address keeps its own order inside the Arabic sentence ("2026-W48",
 * not "W48-2026").
 */
export function t(key: MessageKey, substitutions?: string | number | (string | number)[]): string {
  let subs: string[] | undefined;
  if (substitutions !== undefined) {
    const locale = uiLocale();
    const isolate = textDirectionOf(locale) === 'rtl' ? isolated : (s: string) => s;
    subs = (Array.isArray(substitutions) ? substitutions : [substitutions]).map((s) =>
      isolate(typeof s === 'number' ? new Intl.NumberFormat(locale).format(s) : s),
    );
  }
  return browser.i18n.getMessage(key, subs) || key;
}

/**
 * The language the interface speaks, for `Intl` formatting and the pages' `lang`: the
 * browser's UI language (with its region, `es-MX`) when the messages are in that language,
 * else the language of the messages shown. The two can differ (a UI language Skilltrail has
 * no messages for; some headless setups), and dates must never be in another language
 * than the words around them.
 */
export function uiLocale(): string {
  try {
    const ui = browser.i18n.getUILanguage() || 'en';
    const messages = browser.i18n.getMessage('messagesLocale') || 'en';
    return language(ui) === language(messages) ? ui : messages;
  } catch {
    return 'en';
  }
}

/** Text set apart from the direction around it: U+2068 FIRST STRONG ISOLATE … U+2069. */
function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

/** `pt-BR`, `pt_BR` → `pt`. */
function language(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0]!;
}

/**
 * Sets an extension page's `lang` and `dir` (right to left for Arabic) before it renders.
 * The direction follows the language of the messages shown, not `@@bidi_dir`, which follows
 * the browser's own UI language: a Hebrew browser showing Skilltrail's English would lay
 * English out right to left, and Chromium started with `--lang=ar` still answers `ltr`.
 */
export function speakInterfaceLanguage(root: HTMLElement = document.documentElement): void {
  root.lang = uiLocale();
  root.dir = textDirectionOf(root.lang);
}
