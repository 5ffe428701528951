import { browser } from 'wxt/browser';

/**
 * A user-facing string from `public/_locales/<lang>/messages.json`. Every string a person
 * reads goes through here, so a missing translation is a test failure, not a blank.
 * Numbers among the substitutions are written as the interface language writes them.
 */
export function t(key: string, substitutions?: string | number | (string | number)[]): string {
  const subs =
    substitutions === undefined
      ? undefined
      : (Array.isArray(substitutions) ? substitutions : [substitutions]).map((s) =>
          typeof s === 'number' ? new Intl.NumberFormat(uiLocale()).format(s) : s,
        );
  // Keys are checked against every locale by test/unit/locales.test.ts, so a plain string is fine here.
  const getMessage = browser.i18n.getMessage as (key: string, subs?: string[]) => string;
  return getMessage(key, subs) || key;
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
    return ui.toLowerCase().split(/[-_]/)[0] === messages ? ui : messages;
  } catch {
    return 'en';
  }
}
