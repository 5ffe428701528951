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
