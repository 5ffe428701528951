import { describe, expect, it } from 'vitest';
import { cutText, pageText } from '../../../lib/capture/page-text';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('page text', () => {
  it('cuts on code points, never inside a surrogate pair', () => {
    const emoji = '😀'.repeat(300);
    for (const max of [1, 2, 3, 499, 500, 501]) {
      const cut = cutText(emoji, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(loneSurrogate.test(cut)).toBe(false);
    }
    expect(cutText('a😀', 2)).toBe('a');
    expect(cutText('abc', 5)).toBe('abc');
  });

  it('drops control characters and bidi overrides, keeps the words', () => {
    expect(pageText('Grid\u0000 layout\u001B', 100)).toBe('Grid layout');
    expect(pageText('\u202Egnp.exe\u202C and \u2066isolated\u2069', 100)).toBe(
      'gnp.exe and isolated',
    );
    expect(pageText('  tabs\tand\nlines  ', 100)).toBe('tabs and lines');
    expect(pageText('Résumé — 日本語 😀', 100)).toBe('Résumé — 日本語 😀');
  });
});
