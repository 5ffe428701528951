/**
 * Where and as whom Skilltrail reaches an LRS: the endpoint, checked before anything is
 * sent, and the headers every request carries (the xAPI version, HTTP Basic credentials).
 */
import { XAPI_VERSION } from '../export/xapi/vocabulary';
import type { LrsResult } from './lrs-errors';

export interface LrsConfig {
  /** The LRS's xAPI base URL, e.g. `https://lrs.example.org/xAPI`. */
  endpoint: string;
  key: string;
  secret: string;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * The endpoint as requests use it (no trailing slash), or why it cannot be used. Plain
 * HTTP is refused except on this computer: the key and secret travel in every request.
 * @example checkEndpoint('https://lrs.example.org/xAPI/') // { ok: true, url: 'https://lrs.example.org/xAPI' }
 * @example checkEndpoint('http://lrs.example.org/xAPI').ok // false
 */
export function checkEndpoint(raw: string): LrsResult<{ url: string; origin: string }> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, error: { code: 'invalid-endpoint' } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: { code: 'invalid-endpoint' } };
  }
  // Credentials belong in the key and secret fields, never in a URL that may be shown.
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, error: { code: 'invalid-endpoint' } };
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    return { ok: false, error: { code: 'insecure-endpoint' } };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}`, origin: url.origin };
}

/**
 * The `Authorization` header value for HTTP Basic with the LRS key and secret (UTF-8).
 * @example basicAuth({ endpoint, key: 'a', secret: 'b' }) // 'Basic YTpi'
 */
export function basicAuth(config: Pick<LrsConfig, 'key' | 'secret'>): string {
  const bytes = new TextEncoder().encode(`${config.key}:${config.secret}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/**
 * The headers of a request to the LRS; a JSON content type when it has a body.
 * @example requestHeaders(config, false)['X-Experience-API-Version'] // '1.0.3'
 */
export function requestHeaders(config: LrsConfig, withBody: boolean): Record<string, string> {
  return {
    'X-Experience-API-Version': XAPI_VERSION,
    Authorization: basicAuth(config),
    ...(withBody ? { 'Content-Type': 'application/json' } : {}),
  };
}
