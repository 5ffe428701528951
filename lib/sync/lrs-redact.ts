/**
 * What of an LRS's answer the learner may see: its message picked out of the body, cut
 * short, and never the key, the secret or the Authorization token, however it is spelt.
 */
import { basicAuth, type LrsConfig } from './lrs-endpoint';

/** The longest detail an error carries. */
export const MAX_DETAIL = 300;

/** Percent escapes in lower case (`%2f`), as some servers write them. */
function lowerEscapes(s: string): string {
  return s.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
}

/**
 * Each credential as an echo may spell it: as is, HTML-escaped, URL-encoded (escapes in
 * either case) or form-encoded (`+` for spaces); longest first.
 */
function secretForms(config: Pick<LrsConfig, 'key' | 'secret'>): string[] {
  const token = basicAuth(config).slice('Basic '.length);
  const forms = [token, config.secret, config.key].flatMap((s) => {
    const encoded = [encodeURIComponent(s), new URLSearchParams({ s }).toString().slice(2)];
    return [s, escapeHtml(s), ...encoded, ...encoded.map(lowerEscapes)];
  });
  return [...new Set(forms.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * `text` with the key, the secret and the Authorization token blanked out (whatever their
 * length, also HTML-escaped or URL-encoded), so an LRS or proxy that echoes a request can
 * never put them in an error the learner sees or copies.
 * @example redact('bad key abc', { key: 'abc', secret: 'xyz' }) // 'bad key ***'
 */
export function redact(text: string, config: Pick<LrsConfig, 'key' | 'secret'>): string {
  let out = text;
  for (const s of secretForms(config)) out = out.split(s).join('***');
  return out;
}

/** Letters only, entities decoded: how a secret split by markup or spaces still reads. */
function squashed(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) =>
      String.fromCodePoint(parseInt(h, 16) % 0x110000),
    )
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d) % 0x110000))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
}

/**
 * The LRS's words as the learner may see them: redacted before anything reads them, the
 * message picked out, redacted again, cut short; nothing at all when a credential still
 * shows through (split by markup, say).
 * @example shownDetail('{"message":"bad key ada-key"}', config) // 'bad key ***'
 */
export function shownDetail(raw: string, config: LrsConfig): string | undefined {
  const message = lrsMessage(redact(raw, config));
  if (!message) return undefined;
  const out = redact(message, config).slice(0, MAX_DETAIL);
  const seen = squashed(out);
  const leaks = [config.key, config.secret].some((s) => {
    const secret = squashed(s);
    return secret.length > 0 && seen.includes(secret);
  });
  return leaks ? undefined : out;
}

/** The LRS's message from an error body: `message`, xAPI validation `warnings`, or the text. */
function lrsMessage(body: string): string | undefined {
  const text = body.trim();
  if (!text) return undefined;
  try {
    const json = JSON.parse(text) as unknown;
    if (json && typeof json === 'object') {
      const o = json as Record<string, unknown>;
      if (Array.isArray(o.warnings) && o.warnings.length > 0)
        return o.warnings.map(String).join('; ');
      if (typeof o.message === 'string') return o.message;
      if (typeof o.error === 'string') return o.error;
    }
  } catch {
    // Not JSON: an HTML error page from a proxy, say. Its text is still a clue.
  }
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
