import { describe, expect, it } from 'vitest';
import {
  isAudible,
  isReaderInput,
  readingDepth,
  type MediaState,
} from '../../../lib/tracking/engagement-signals';

const heard: MediaState = {
  paused: false,
  ended: false,
  muted: false,
  volume: 0.8,
  readyState: 4,
  webkitAudioDecodedByteCount: 4096,
};

describe('engagement signals', () => {
  it('counts only input the browser says came from the reader', () => {
    expect(isReaderInput({ isTrusted: true })).toBe(true);
    expect(isReaderInput({ isTrusted: false })).toBe(false);
  });

  it('counts media only while it plays sound', () => {
    expect(isAudible(heard)).toBe(true);
    expect(isAudible({ ...heard, mozHasAudio: true, webkitAudioDecodedByteCount: undefined })).toBe(
      true,
    );
    // A silent track, playing unmuted at full volume, is not heard.
    expect(isAudible({ ...heard, webkitAudioDecodedByteCount: 0 })).toBe(false);
    expect(
      isAudible({ ...heard, webkitAudioDecodedByteCount: undefined, mozHasAudio: false }),
    ).toBe(false);
    expect(isAudible({ ...heard, paused: true })).toBe(false);
    expect(isAudible({ ...heard, ended: true })).toBe(false);
    expect(isAudible({ ...heard, muted: true })).toBe(false);
    expect(isAudible({ ...heard, volume: 0 })).toBe(false);
    // Stalled (no data to play): not playing, whatever `paused` says.
    expect(isAudible({ ...heard, readyState: 2 })).toBe(false);
    expect(isAudible({ ...heard, webkitAudioDecodedByteCount: undefined })).toBe(false);
  });
});

describe('reading depth from a page that scrolls itself', () => {
  it('stays where the reader left it when the page scrolls to the bottom on its own', () => {
    expect(readingDepth(0, 100, { now: 10_000, readerInputAt: -Infinity })).toBe(0);
    expect(readingDepth(20, 100, { now: 10_000, readerInputAt: 1_000 })).toBe(20);
  });

  it('follows the reader’s own scrolling, never going back up', () => {
    expect(readingDepth(20, 45, { now: 10_000, readerInputAt: 9_500 })).toBe(45);
    expect(readingDepth(45, 30, { now: 10_000, readerInputAt: 9_900 })).toBe(45);
  });
});
