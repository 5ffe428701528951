/**
 * The words suggestions compare: folded, stemmed, without function words, from titles,
 * queries and URLs alike, so "Grid layouts" and "grid-layout" meet.
 */
import { parseUrl } from '../url';

export const STOP_WORDS = new Set(
  // English
  (
    'a about above after again against all also am an and any are as at be because been ' +
    'before being below between both but by can could did do does doing down during each ' +
    'few for from further had has have having he her here hers him his how i if in into is ' +
    'it its itself just me more most my no nor not now of off on once only or other our out ' +
    'over own same she should so some such than that the their them then there these they ' +
    'this those through to too under until up very was we were what when where which while ' +
    'who whom why will with would you your yours vs versus via per etc ' +
    // Spanish (accents already stripped)
    'al algo algunas algunos ante antes como con contra cual cuales cuando de del desde donde ' +
    'durante e el ella ellas ellos en entre era eran es esa esas ese eso esos esta estas este ' +
    'esto estos fue fueron ha han hasta hay la las le les lo los mas me mi mis mucho muy nada ' +
    'ni no nos nosotros o os otra otras otro otros para pero poco por porque que quien se ser ' +
    'si sin sobre su sus tambien tan te tiene tienen todo todos tu tus un una unas uno unos y ya ' +
    'yo ' +
    // Web filler: says a page is a web page, not what it is about
    'www http https com org net html htm php aspx index page home untitled new blog post ' +
    'article read watch video part chapter'
  )
    .split(' ')
    .filter(Boolean),
);

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * A light stemmer for English and Spanish: folds plurals and -ing/-ed/-e endings so
 * "styles", "styled" and "styling" meet. Crude on purpose: both sides of every comparison
 * go through it, so a consistent stem matters more than a correct one.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /[\d+#]/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('es') && w.length > 4 && !VOWELS.has(w[w.length - 3]!)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/[siu]s$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length >= 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}

export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Raw words: letters and digits, keeping `+` and `#` (C++, C#), as `skillKey` does. */
export function rawWords(text: string): string[] {
  return (
    fold(text)
      .split(/[^\p{L}\p{N}+#]+/u)
      // A leading + or # is punctuation ("+1", "#tag"); a trailing one is a name (C++, C#).
      .map((w) => w.replace(/^[+#]+/, ''))
      .filter((w) => w.length > 0 && !/^\d+$/.test(w))
  );
}

/**
 * The words of a text that say what it is about: lower case, accents stripped, English and
 * Spanish function words and bare numbers dropped, lightly stemmed.
 * @example tokenize('Las Conjugaciones del español: styling CSS Grids') // ['conjugacion', 'espanol', 'styl', 'css', 'grid']
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const w of rawWords(text)) {
    if (STOP_WORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Words of a URL's path and query values: `/docs/Web/CSS/grid-template` says a lot. */
export function urlWords(url: string | undefined): string[] {
  return urlSurfaceWords(url).map(stem);
}

/** The same words as the URL writes them (not stemmed), for reasons the learner reads. */
export function urlSurfaceWords(url: string | undefined): string[] {
  const u = parseUrl(url);
  if (!u) return [];
  let path = u.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: keep the path as written.
  }
  return rawWords(`${path} ${[...u.searchParams.values()].join(' ')}`).filter(
    // Ids and hashes in paths are not words.
    (w) => !STOP_WORDS.has(w) && w.length <= 24 && !/\d{3,}/.test(w),
  );
}

/** A search query reduced to its words, in a fixed order: "grid vs flexbox" = "flexbox grid". */
export function queryKey(query: string): string {
  return [...new Set(tokenize(query))].sort().join(' ');
}
