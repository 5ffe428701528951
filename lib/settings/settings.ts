/**
 * The learner's settings: every tracking threshold, privacy control and schedule.
 * Pure: `normaliseSettings` turns whatever is stored (old, partial or tampered) into a
 * complete, valid object. The storage item lives in `settings-store.ts`.
 */

export type ExportPrivacy = 'full' | 'titles' | 'sites' | 'totals';

export interface Settings {
  /** Active time a page needs before it counts as reading. */
  minReadingMs: number;
  /** The same page again within this gap continues its session. */
  continueWithinMs: number;
  /** A query on the same engine within this gap of the last activity joins the search session. */
  searchGapMs: number;
  /** Seconds without input before the system counts as idle (browsers allow ≥ 15). */
  idleSeconds: number;
  /** Tracking is paused until this instant; 0 when not paused. */
  pausedUntil: number;
  /** Host names (and their subdomains) never recorded. */
  excludedSites: string[];
  /** Store domains instead of full URLs. */
  sitesOnly: boolean;
  /** 0 = Sunday … 6 = Saturday. */
  weekStart: number;
  reminderEnabled: boolean;
  /** Day of week (0 = Sunday) and local time of the weekly reminder. */
  reminderDay: number;
  reminderTime: string;
  /** Purge sessions older than this many months; 0 keeps everything. */
  retentionMonths: number;
  /**
   * The learner said yes to automatic recording on the welcome page. Off on a fresh install
   * and after "Delete all my data", in every browser: nothing is recorded until then.
   */
  trackingConsent: boolean;
  /** Deeper reading evidence: the engagement script (needs host access). */
  engagement: boolean;
  /** Name shown in exports and credentials. */
  learnerName: string;
  /** Optional email used as the xAPI actor instead of the pseudonymous account. */
  learnerEmail: string;
  useEmailInExports: boolean;
  exportPrivacy: ExportPrivacy;
  /** Ask, some days after a skill's sessions, what stayed and where it was used. */
  followUpsEnabled: boolean;
  /** Calendar days after a session before its follow-up; 0 asks the same day. */
  followUpDays: number;
}

/** Tracking never stops for longer than this without the learner resuming: "until resumed". */
export const PAUSED_UNTIL_RESUMED = Number.MAX_SAFE_INTEGER;

/**
 * Sites never recorded unless the learner removes them: private by default. Each entry
 * also covers its subdomains (`isExcluded`), so `amazon.com` covers `smile.amazon.com`.
 * Learning sites that share a host with a feed (LinkedIn Learning, Reddit, YouTube) stay
 * out: excluding by host would hide the learning too.
 */
export const DEFAULT_EXCLUDED_SITES: readonly string[] = [
  // Webmail, calendars and private messages.
  'mail.google.com',
  'calendar.google.com',
  'outlook.live.com',
  'outlook.office.com',
  'outlook.office365.com',
  'mail.yahoo.com',
  'mail.aol.com',
  'mail.proton.me',
  'mail.zoho.com',
  'mail.yandex.com',
  'mail.yandex.ru',
  'e.mail.ru',
  'app.fastmail.com',
  'app.tuta.com',
  'mail.tutanota.com',
  'app.hey.com',
  'icloud.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'web.whatsapp.com',
  'web.telegram.org',
  'messenger.com',
  'discord.com',
  'app.slack.com',
  'teams.microsoft.com',
  'teams.live.com',
  // Banking, payments and investing.
  'paypal.com',
  'venmo.com',
  'wise.com',
  'revolut.com',
  'monzo.com',
  'n26.com',
  'chase.com',
  'bankofamerica.com',
  'wellsfargo.com',
  'citi.com',
  'capitalone.com',
  'usbank.com',
  'pnc.com',
  'americanexpress.com',
  'discover.com',
  'schwab.com',
  'fidelity.com',
  'vanguard.com',
  'hsbc.com',
  'hsbc.co.uk',
  'barclays.co.uk',
  'lloydsbank.com',
  'natwest.com',
  'santander.co.uk',
  'bancosantander.es',
  'bbva.es',
  'bbva.mx',
  'caixabank.es',
  'ing.es',
  'ing.de',
  'banorte.com',
  'itau.com.br',
  'bradesco.com.br',
  'nubank.com.br',
  'mercadopago.com',
  'coinbase.com',
  'binance.com',
  'kraken.com',
  // Social feeds.
  'facebook.com',
  'instagram.com',
  'x.com',
  'twitter.com',
  'tiktok.com',
  'threads.net',
  'threads.com',
  'bsky.app',
  'snapchat.com',
  'pinterest.com',
  'tumblr.com',
  'vk.com',
  'weibo.com',
  // Shopping.
  'amazon.com',
  'amazon.co.uk',
  'amazon.de',
  'amazon.es',
  'amazon.fr',
  'amazon.it',
  'amazon.ca',
  'amazon.com.mx',
  'amazon.com.br',
  'amazon.in',
  'amazon.co.jp',
  'ebay.com',
  'ebay.co.uk',
  'ebay.de',
  'aliexpress.com',
  'temu.com',
  'shein.com',
  'etsy.com',
  'walmart.com',
  'target.com',
  'bestbuy.com',
  'ikea.com',
  'zalando.de',
  'zalando.es',
  'elcorteingles.es',
  'mercadolibre.com',
  'mercadolibre.com.mx',
  'mercadolibre.com.ar',
  'mercadolivre.com.br',
  // Adult sites.
  'pornhub.com',
  'xvideos.com',
  'xnxx.com',
  'xhamster.com',
  'redtube.com',
  'youporn.com',
  'spankbang.com',
  'eporner.com',
  'chaturbate.com',
  'stripchat.com',
  'livejasmin.com',
  'onlyfans.com',
  'fansly.com',
  // Patient portals and therapy.
  'mychart.com',
  'mychartweb.com',
  'followmyhealth.com',
  'healow.com',
  'nextmd.com',
  'athenapatient.com',
  'myhealth.va.gov',
  'healthy.kaiserpermanente.org',
  'patientaccess.com',
  'nhsapp.service.nhs.uk',
  'betterhelp.com',
  'talkspace.com',
];

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  minReadingMs: 30_000,
  continueWithinMs: 30 * 60_000,
  searchGapMs: 30 * 60_000,
  idleSeconds: 60,
  pausedUntil: 0,
  excludedSites: [...DEFAULT_EXCLUDED_SITES],
  sitesOnly: false,
  weekStart: 1,
  reminderEnabled: true,
  reminderDay: 1,
  reminderTime: '09:00',
  retentionMonths: 0,
  trackingConsent: false,
  engagement: false,
  learnerName: '',
  learnerEmail: '',
  useEmailInExports: false,
  exportPrivacy: 'full',
  followUpsEnabled: true,
  followUpDays: 7,
};

const PRIVACY_LEVELS: readonly ExportPrivacy[] = ['full', 'titles', 'sites', 'totals'];

function num(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

function str(v: unknown, fallback: string, max = 500): string {
  return typeof v === 'string' ? v.slice(0, max) : fallback;
}

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

/**
 * A complete, valid `Settings` from anything stored: unknown keys dropped, missing or
 * out-of-range values replaced by defaults (or clamped).
 * @example normaliseSettings({ minReadingMs: -5 }).minReadingMs // 0
 */
export function normaliseSettings(raw: unknown, defaults: Settings = DEFAULT_SETTINGS): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = defaults;
  const sites = Array.isArray(r.excludedSites)
    ? r.excludedSites.filter((s): s is string => typeof s === 'string').map((s) => s.slice(0, 253))
    : [...d.excludedSites];
  const time = str(r.reminderTime, d.reminderTime);
  return {
    minReadingMs: num(r.minReadingMs, d.minReadingMs, 0, 3_600_000),
    continueWithinMs: num(r.continueWithinMs, d.continueWithinMs, 0, 86_400_000),
    searchGapMs: num(r.searchGapMs, d.searchGapMs, 0, 86_400_000),
    idleSeconds: Math.round(num(r.idleSeconds, d.idleSeconds, 15, 3600)),
    pausedUntil: num(r.pausedUntil, d.pausedUntil, 0, PAUSED_UNTIL_RESUMED),
    excludedSites: sites,
    sitesOnly: bool(r.sitesOnly, d.sitesOnly),
    weekStart: Math.round(num(r.weekStart, d.weekStart, 0, 6)),
    reminderEnabled: bool(r.reminderEnabled, d.reminderEnabled),
    reminderDay: Math.round(num(r.reminderDay, d.reminderDay, 0, 6)),
    reminderTime: /^([01]\d|2[0-3]):[0-5]\d$/.test(time) ? time : d.reminderTime,
    retentionMonths: Math.round(num(r.retentionMonths, d.retentionMonths, 0, 1200)),
    trackingConsent: bool(r.trackingConsent, d.trackingConsent),
    engagement: bool(r.engagement, d.engagement),
    learnerName: str(r.learnerName, d.learnerName, 200),
    learnerEmail: str(r.learnerEmail, d.learnerEmail, 320),
    useEmailInExports: bool(r.useEmailInExports, d.useEmailInExports),
    exportPrivacy: PRIVACY_LEVELS.includes(r.exportPrivacy as ExportPrivacy)
      ? (r.exportPrivacy as ExportPrivacy)
      : d.exportPrivacy,
    followUpsEnabled: bool(r.followUpsEnabled, d.followUpsEnabled),
    followUpDays: Math.round(num(r.followUpDays, d.followUpDays, 0, 90)),
  };
}

/**
 * Whether a capture opened from the toolbar waits at `now`: only the learner's pause holds
 * it. Not having agreed to automatic tracking yet is no pause: clicking to
 * capture this page is itself the learner's request.
 * @example captureHeld({ pausedUntil: 2 }, 1) // true
 */
export function captureHeld(settings: Pick<Settings, 'pausedUntil'>, now: number): boolean {
  return settings.pausedUntil > now;
}

/**
 * Whether tracking is paused at `now`.
 * @example isPaused({ ...DEFAULT_SETTINGS, pausedUntil: 2 }, 1) // true
 */
export function isPaused(
  settings: Pick<Settings, 'pausedUntil' | 'trackingConsent'>,
  now: number,
): boolean {
  return !settings.trackingConsent || settings.pausedUntil > now;
}
