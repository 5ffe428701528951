import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { configure } from '@testing-library/preact';

type Messages = Record<string, { message: string }>;
const english = JSON.parse(
  readFileSync(resolve('public/_locales/en/messages.json'), 'utf8'),
) as Messages;

/** The fake browser lacks i18n: answer from the English locale, substitutions included. */
function getMessage(key: string, subs?: string | string[]): string {
  const entry = english[key];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return entry.message.replace(/\$(\d)/g, (_, i: string) => list[Number(i) - 1] ?? '');
}

// findBy… and waitFor wait for the interface, not time it: on a loaded machine the fake
// IndexedDB behind a save or a deletion can take seconds, past the library's 1 s default.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });
});
