import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendRequest } from '../lib/messages';
import { isAudible, isReaderInput, readingDepth } from '../lib/tracking/engagement-signals';

/** What each engine adds to a media element about its audio. */
type MediaExtras = { mozHasAudio?: boolean; webkitAudioDecodedByteCount?: number };

/** At most one message per this interval: the background needs evidence, not a stream. */
const MIN_INTERVAL_MS = 15_000;

/**
 * Deeper reading evidence, only where the learner turned it on and granted host access
 * (registered at runtime by the background): whether the page is visible, how far it was
 * scrolled, and when the reader last gave input. Reads no content.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    let inputAt = Date.now();
    // The reader's own last gesture in the page; the depth moves only just after one.
    let gestureAt = -Infinity;
    let lastSentAt = -Infinity;
    let timer: number | undefined;
    let url = location.href;
    let maxScrollPct = 0;

    const scrollPct = () => {
      const height = document.documentElement.scrollHeight;
      if (height <= innerHeight) return 100;
      return Math.min(100, Math.round(((scrollY + innerHeight) / height) * 100));
    };
    const playing = () =>
      [...document.querySelectorAll<HTMLMediaElement>('video, audio')].some((m) =>
        isAudible(m as HTMLMediaElement & MediaExtras),
      );
    // A single-page app changed its URL: a new page starts from the top.
    const sameUrl = () => {
      if (location.href === url) return;
      url = location.href;
      maxScrollPct = readingDepth(0, scrollPct(), { now: Date.now(), readerInputAt: gestureAt });
    };
    const send = () => {
      timer = undefined;
      sameUrl();
      lastSentAt = Date.now();
      void sendRequest(browser.runtime, 'engagement', {
        url,
        visible: document.visibilityState === 'visible',
        scrollPct: maxScrollPct,
        inputAt,
        audible: playing(),
      }).catch(() => {});
    };
    const schedule = () => {
      if (timer !== undefined) return;
      const wait = lastSentAt + MIN_INTERVAL_MS - Date.now();
      if (wait <= 0) send();
      else timer = ctx.setTimeout(send, wait);
    };
    // Only the reader's own input counts: a page's script can dispatch events (untrusted)
    // and scroll itself (trusted, yet no reading: it moves neither the input time nor,
    // without a gesture of the reader's just before, the depth).
    const onInput = (event: Event) => {
      if (!isReaderInput(event)) return;
      inputAt = Date.now();
      if (event.type !== 'visibilitychange') gestureAt = inputAt;
      schedule();
    };
    const onScroll = () => {
      sameUrl();
      const now = Date.now();
      maxScrollPct = readingDepth(maxScrollPct, scrollPct(), { now, readerInputAt: gestureAt });
      schedule();
    };

    const options = { passive: true, capture: true };
    ctx.addEventListener(window, 'scroll', onScroll, options);
    for (const type of ['wheel', 'keydown', 'pointerdown', 'pointermove', 'touchstart'] as const) {
      ctx.addEventListener(window, type, onInput, options);
    }
    // Coming to the front is an interaction: the reader chose this page.
    ctx.addEventListener(document, 'visibilitychange', (event) =>
      document.visibilityState === 'visible' ? onInput(event) : schedule(),
    );
    ctx.addEventListener(window, 'focus', onInput);
    // Report the state at start too: a tab that starts hidden never fires visibilitychange.
    maxScrollPct = scrollPct();
    schedule();
  },
});
