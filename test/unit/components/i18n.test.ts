import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t, uiLocale } from '../../../components/i18n/i18n';

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
  ])('with a %s browser and %s messages is %s', (ui, messages, locale) => {
    browserSpeaks(ui, messages);
    expect(uiLocale()).toBe(locale);
  });
});

describe('t', () => {
  it('writes numbers as the interface language does', () => {
    browserSpeaks('en-US', 'en');
    expect(t('popupWords', 12345)).toBe('12,345 words');
    browserSpeaks('de-DE', 'en');
    expect(t('popupWords', 12345)).toBe('12,345 words');
  });
});
