import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t, uiLocale, type MessageKey } from '../../../components/i18n/i18n';
import type english from '../../../public/_locales/en/messages.json';

/** The browser's UI language, and the language of the messages it picked for Skilltrail. */
function browserSpeaks(ui: string, messages: string) {
  const english = fakeBrowser.i18n.getMessage.bind(fakeBrowser.i18n);
  Object.assign(fakeBrowser.i18n, {
    getUILanguage: () => ui,
    getMessage: (key: string, subs?: string[]) =>
      key === 'messagesLocale' ? messages : english(key, subs),
  });
}

describe('uiLocale', () => {
  it.each([
    ['es-MX', 'es', 'es-MX'],
    ['en-GB', 'en', 'en-GB'],
    // Messages in another language than the UI: dates follow the words on the page.
    ['en-US', 'es', 'es'],
    ['fr-FR', 'en', 'en'],
    // Messages named with their region, as Brazilian Portuguese and Chinese are.
    ['pt-BR', 'pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR', 'pt-PT'],
    ['zh-CN', 'zh-CN', 'zh-CN'],
    ['ar-EG', 'ar', 'ar-EG'],
  ])('with a %s browser and %s messages is %s', (ui, messages, locale) => {
    browserSpeaks(ui, messages);
    expect(uiLocale()).toBe(locale);
  });
});

describe('t', () => {
  it('takes exactly the keys of the English messages, so a misspelt key fails tsc', () => {
    expectTypeOf<MessageKey>().toEqualTypeOf<keyof typeof english>();
    // Never called: this line exists for the type check only.
    // @ts-expect-error: 'savd' is not a key of public/_locales/en/messages.json
    const misspelt = () => t('savd');
    expect(typeof misspelt).toBe('function');
  });

  it('writes numbers as the interface language does', () => {
    browserSpeaks('en-US', 'en');
    expect(t('popupWords', 12345)).toBe('12,345 words');
    browserSpeaks('de-DE', 'en');
    expect(t('popupWords', 12345)).toBe('12,345 words');
  });
});

describe('t in a right-to-left language', () => {
  it('isolates what it puts into an Arabic sentence, so it keeps its own order', () => {
    const arabic = JSON.parse(readFileSync('public/_locales/ar/messages.json', 'utf8')) as Record<
      string,
      { message: string }
    >;
    Object.assign(fakeBrowser.i18n, {
      getUILanguage: () => 'ar',
      getMessage: (key: string, subs?: string[]) =>
        (arabic[key]?.message ?? '').replace(
          /\$(\d)/g,
          (_, i: string) => subs?.[Number(i) - 1] ?? '',
        ),
    });
    expect(t('weekHeading', '2026-W48')).toBe('الأسبوع \u20682026-W48\u2069');
    expect(t('weekThis')).toBe('هذا الأسبوع');
  });

  it('leaves left-to-right sentences as they are', () => {
    browserSpeaks('fr-FR', 'fr');
    expect(t('weekHeading', '2026-W48')).toBe('Week 2026-W48');
  });
});
