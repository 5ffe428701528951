/**
 * Text a web page hands us (titles, bylines, excerpts) made safe to keep and show: no
 * control characters (NUL, escape …) and no bidirectional overrides or isolates, which
 * could make a title read backwards in the interface and in every export; whitespace
 * collapsed; and cut on whole code points, never inside a surrogate pair (a lone
 * surrogate is invalid Unicode, which PostgreSQL-backed record stores refuse).
 */

/** C0 controls and DEL, C1 controls, bidi embeddings/overrides (U+202A–202E) and isolates (U+2066–2069). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * At most `max` UTF-16 units of `text`, cut before a code point that would not fit whole.
 * @example cutText('a😀', 2) // 'a'
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  // A high surrogate at the end would be left alone without its pair.
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * Page text as stored: unsafe characters dropped, whitespace collapsed, trimmed, cut.
 * @example pageText(' Grid\u202E  layout\u0000 ', 100) // 'Grid layout'
 */
export function pageText(text: string, max: number): string {
  const safe = text.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  return cutText(safe, max).trimEnd();
}
