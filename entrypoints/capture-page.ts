import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { countWords, type PageExtract } from '../lib/capture/extract';

// Injected on demand (toolbar, shortcut, context menu, or a visit passing the reading
// threshold) with `scripting.executeScript`; its return value is the capture.
export default defineUnlistedScript((): PageExtract => {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href ?? null;
  const base = {
    url: location.href,
    canonical,
    documentTitle: document.title,
    contentType: document.contentType,
  };
  let readerable = false;
  try {
    readerable = isProbablyReaderable(document);
    // parse() mutates the DOM it reads, so it gets a copy; very large pages are cut short.
    const parsed = new Readability(document.cloneNode(true) as Document, {
      maxElemsToParse: 20_000,
    }).parse();
    if (!parsed) return { ...base, readerable, article: null };
    return {
      ...base,
      readerable,
      article: {
        title: parsed.title,
        byline: parsed.byline,
        siteName: parsed.siteName,
        lang: parsed.lang,
        excerpt: parsed.excerpt,
        publishedTime: parsed.publishedTime,
        wordCount: countWords(parsed.textContent ?? ''),
      },
    };
  } catch {
    return { ...base, readerable, article: null };
  }
});
