/**
 * What the optional engagement script counts as the reader being there. A page can
 * dispatch events and play media itself, so only what the browser says came from the
 * person counts, and only media actually heard.
 */

/**
 * Whether an event is the reader's: dispatched by the browser from real input, never by a
 * page's script (`dispatchEvent` makes `isTrusted` false).
 * @example isReaderInput({ isTrusted: false }) // false
 */
export function isReaderInput(event: { isTrusted: boolean }): boolean {
  return event.isTrusted === true;
}

/**
 * How long after the reader's own input (a wheel turn, a key, a touch, a drag of the
 * scroll bar) a scroll is still theirs: a wheel's momentum and a held key go on a while.
 */
export const SCROLL_AFTER_INPUT_MS = 1500;

/**
 * The reading depth after a scroll: deeper only when the reader moved the page. A page
 * that scrolls itself (to the bottom, say) is trusted by the browser but is not reading,
 * so a scroll with no input of the reader's just before leaves the depth as it was.
 * @example readingDepth(10, 100, { now: 5000, readerInputAt: -Infinity }) // 10
 * @example readingDepth(10, 40, { now: 5000, readerInputAt: 4800 }) // 40
 */
export function readingDepth(
  depth: number,
  scrolledTo: number,
  at: { now: number; readerInputAt: number },
): number {
  return at.now - at.readerInputAt <= SCROLL_AFTER_INPUT_MS ? Math.max(depth, scrolledTo) : depth;
}

/** The parts of an `HTMLMediaElement` that tell whether it is heard. */
export interface MediaState {
  paused: boolean;
  ended: boolean;
  muted: boolean;
  volume: number;
  /** `HTMLMediaElement.HAVE_FUTURE_DATA` (3) or more: it is actually playing, not stalled. */
  readyState: number;
  /** Firefox: whether the media has an audio track. */
  mozHasAudio?: boolean;
  /** Chromium: audio bytes decoded so far; 0 for a silent track. */
  webkitAudioDecodedByteCount?: number;
}

/**
 * Whether a media element is playing sound: playing (not paused, ended or stalled),
 * unmuted, with volume, and with audio (a silent video or an empty track is not heard).
 * @example isAudible({ paused: false, ended: false, muted: false, volume: 1, readyState: 4, webkitAudioDecodedByteCount: 0 }) // false
 */
export function isAudible(media: MediaState): boolean {
  if (media.paused || media.ended || media.muted || !(media.volume > 0)) return false;
  if (media.readyState < 3) return false;
  if (typeof media.mozHasAudio === 'boolean') return media.mozHasAudio;
  if (typeof media.webkitAudioDecodedByteCount === 'number')
    return media.webkitAudioDecodedByteCount > 0;
  // A browser that tells neither: no proof of sound, so none is claimed.
  return false;
}
