import type { ActivityClaimText } from '../../lib/endorsement-request/activity-claim';
import { CSV_COLUMNS, type CsvText } from '../../lib/export/csv';
import type { BadgeText } from '../../lib/export/openbadges/text';
import { PRIVACY_LEVELS, type PrivacyLevel, type SessionLabelText } from '../../lib/export/privacy';
import type { ReportText } from '../../lib/export/report';
import { formatList, formatNumber } from '../../lib/format';
import type { SessionKind } from '../../lib/model';
import { LEARNING_KINDS, type LearningKind } from '../../lib/learning-away/kinds';
import { t, type MessageKey } from './i18n';
import { LEARNING_KIND_KEYS } from './learning-kind-strings';
import { provenanceStrings } from './provenance-strings';

/*
 * The words of the readable exports in the interface language. `lib/export` keeps English
 * defaults (for tests and the command line); the dashboard passes these instead.
 */

const KIND: Record<SessionKind, MessageKey> = {
  reading: 'kindReading',
  search: 'kindSearch',
  watching: 'kindWatching',
  away: 'kindAway',
};

/** Message keys of each privacy level's name and what it shares. */
export const PRIVACY_LEVEL_KEYS: Readonly<
  Record<PrivacyLevel, { name: MessageKey; shares: MessageKey }>
> = {
  full: { name: 'privacyFull', shares: 'privacyFullShares' },
  titles: { name: 'privacyTitles', shares: 'privacyTitlesShares' },
  sites: { name: 'privacySites', shares: 'privacySitesShares' },
  totals: { name: 'privacyTotals', shares: 'privacyTotalsShares' },
};

function kinds(): Record<SessionKind, string> {
  return {
    reading: t(KIND.reading),
    search: t(KIND.search),
    watching: t(KIND.watching),
    away: t(KIND.away),
  };
}

/** The nine kinds of learning by their plain names, in the interface language. */
export function learningKinds(): Record<LearningKind, string> {
  return Object.fromEntries(
    LEARNING_KINDS.map((k) => [k, t(LEARNING_KIND_KEYS[k].name)]),
  ) as Record<LearningKind, string>;
}

/** "1 session" or "3 sessions", as the locale's plural rules choose. */
function counter(locale: string, one: MessageKey, other: MessageKey) {
  const rules = new Intl.PluralRules(locale);
  return (n: number) => t(rules.select(n) === 'one' ? one : other, formatNumber(n, locale));
}

/**
 * The printable, Markdown and HTML report's words.
 * @example exportMarkdown(shared, { locale, strings: reportStrings(locale) })
 */
export function reportStrings(locale: string): ReportText {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return {
    levels: Object.fromEntries(
      PRIVACY_LEVELS.map((l) => [
        l,
        { name: t(PRIVACY_LEVEL_KEYS[l].name), shares: t(PRIVACY_LEVEL_KEYS[l].shares) },
      ]),
    ) as ReportText['levels'],
    title: (label) => t('reportTitle', label),
    weekOf: (key) => t('weekHeading', key),
    generatedBy: t('reportGeneratedBy'),
    exportedAt: (when) => t('reportExportedAt', when),
    privacy: (name, shares) => t('reportPrivacy', [name, shares]),
    timeZone: (tz) => t('reportTimeZone', tz),
    summary: t('summaryHeading'),
    bySkill: t('bySkillHeading'),
    byDay: t('byDayHeading'),
    sessions: t('sessionsHeading'),
    totals: {
      time: t('totalActive'),
      sessions: t('totalSessions'),
      pages: t('totalPages'),
      searches: t('totalSearches'),
      sites: t('totalSources'),
      notes: t('reportReflections'),
      stated: t('totalStated'),
    },
    skillColumns: [
      t('chartSkill'),
      t('reportTime'),
      t('totalSessions'),
      t('sessionPages'),
      t('sessionQueries'),
      t('reportSites'),
    ],
    dayColumns: [t('chartDay'), t('reportTime'), t('totalSessions')],
    untagged: t('reportUntagged'),
    topSources: t('reportTopSources'),
    queries: t('sessionQueries'),
    reflections: t('reportReflections'),
    framework: t('verifyAlignment'),
    pages: t('sessionPages'),
    note: t('reportReflection'),
    skills: t('navSkills'),
    noSkills: t('reportNoSkill'),
    noActivity: t('reportNoActivity'),
    kind: kinds(),
    provenance: provenanceStrings().label,
    active: (d) => t('reportActive', d),
    learning: learningKinds(),
    stated: (d) => t('statedTimeShown', d),
    measuredAndStated: (measured, stated) => t('timesMeasuredStated', [measured, stated]),
    where: (place) => t('statedPlaceShown', place),
    withWhom: (people) => t('statedPeopleShown', people),
    vouched: (names) => t('activityVouchedBy', names),
    scrolled: (pct) => t('reportScrolled', percent.format(pct / 100)),
    words: (n) => t('popupWords', n),
    sessionsCount: counter(locale, 'countSessionsOne', 'countSessionsOther'),
    pagesCount: counter(locale, 'countPagesOne', 'countPagesOther'),
    searchesCount: counter(locale, 'countSearchesOne', 'countSearchesOther'),
    sitesCount: counter(locale, 'countSitesOne', 'countSitesOther'),
    followUps: t('followUpsHeading'),
    followUpAsked: (when, sessions) => t('reportFollowUpAsked', [when, sessions]),
    recall: t('followUpRecallShort'),
    application: t('followUpApplicationShort'),
    ...endorsementStrings(),
  };
}

/** How reports and badge pages speak of endorsements. */
function endorsementStrings() {
  return {
    endorsements: t('endorsementsHeading'),
    endorsedBy: (name: string) => t('endorsedBy', name),
    endorsementSigned: (when: string) => t('endorsementSigned', when),
    endorsementExpired: (when: string) => t('endorsementExpiredMark', when),
    endorsementNote: t('reportEndorsementNote'),
  };
}

/**
 * The words of Open Badges credentials and of the badges page.
 * @example issueBadges(shared, key, { now, locale, strings: badgeStrings(locale) })
 */
export function badgeStrings(locale: string): BadgeText {
  const sessions = counter(locale, 'countSessionsOne', 'countSessionsOther');
  const pages = counter(locale, 'countPagesOne', 'countPagesOther');
  const pagesRead = counter(locale, 'countPagesReadOne', 'countPagesReadOther');
  const sites = counter(locale, 'countSitesOne', 'countSitesOther');
  const searches = counter(locale, 'countSearchesOne', 'countSearchesOther');
  const reflections = counter(locale, 'countReflectionsOne', 'countReflectionsOther');
  return {
    anonymous: t('badgeAnonymous'),
    kind: kinds(),
    learning: learningKinds(),
    stated: (d) => t('statedTimeShown', d),
    where: (place) => t('statedPlaceShown', place),
    withWhom: (people) => t('statedPeopleShown', people),
    vouched: (names) => t('activityVouchedBy', names),
    narrativeStated: (stated) => ` ${t('badgeNarrativeStated', stated)}`,
    period: (label) => {
      if (/^\d{4}-W\d\d$/.test(label)) return t('badgePeriodWeek', label);
      const [from = label, to = label] = label.split('_');
      return t('badgePeriodRange', [from, to]);
    },
    name: (skill, period) => t('badgeName', [skill, period]),
    description: (skill, period) => t('badgeDescription', [skill, period]),
    achievementDescription: (skill) => t('badgeAchievementDescription', skill),
    criteria: t('badgeCriteria'),
    narrative: (p) => {
      const read = pagesRead(p.pages);
      const parts = [
        sessions(p.sessions),
        p.sites === undefined ? read : t('badgeOnSites', [read, sites(p.sites)]),
        searches(p.searches),
      ];
      if (p.notes !== undefined) parts.push(reflections(p.notes));
      return t('badgeNarrative', [p.period, p.time, p.skill, formatList(parts, locale)]);
    },
    evidenceDescription: (p) =>
      `${[p.kind, p.when, t('reportActive', p.active), pages(p.pages), p.site]
        .filter(Boolean)
        .join(' · ')}. ${p.how}`,
    provenanceHow: provenanceStrings().how,
    provenanceLabel: provenanceStrings().label,
    recordName: (skill, period) => t('recordName', [skill, period]),
    recordDescription: (skill, period) => t('recordDescription', [skill, period]),
    recordNarrative: (p) =>
      t('recordNarrative', [
        p.skill,
        p.period,
        p.measured,
        (p.sites === undefined ? '' : t('recordNarrativeSites', sites(p.sites))) +
          (p.stated ? t('recordNarrativeStated', p.stated) : ''),
        p.first,
        p.latest,
        formatList(
          p.counts.map(([label, n]) => t('recordEvidenceCount', [label, formatNumber(n, locale)])),
          locale,
        ),
      ]),
    recordMeasuredMinutes: t('recordMeasuredMinutes'),
    recordStatedMinutes: t('recordStatedMinutes'),
    recordCount: (label) => t('recordCount', label),
    searches: (queries) => t('badgeSearches', queries.map((q) => `“${q}”`).join(', ')),
    reflection: (text) => t('badgeReflection', text),
    recallName: (skill) => t('badgeRecallName', skill),
    applicationName: (skill) => t('badgeApplicationName', skill),
    followUpDescription: (p) =>
      t('badgeFollowUpDescription', [
        p.when,
        formatList([...(p.sessions > 0 ? [sessions(p.sessions)] : []), ...p.stated], locale),
      ]),
    moreEvidence: (count) => t('badgeMoreEvidence', sessions(count)),
    moreEvidenceWhy: (max) => t('badgeMoreEvidenceWhy', String(max)),
    summaryGenre: t('badgeSummaryGenre'),
    pageTitle: (label) => t('badgePageTitle', label),
    selfAsserted: t('badgeSelfAsserted'),
    issuedBy: (name) => t('badgeIssuedBy', name),
    validFrom: (when) => t('badgeIssuedOn', when),
    achievement: t('verifyAchievement'),
    criteriaHeading: t('verifyCriteria'),
    alignment: t('badgeAlignedTo'),
    ...endorsementStrings(),
    evidence: t('badgeEvidence'),
    noEvidence: t('badgeNoEvidence'),
    signed: t('badgeSigned'),
    verifyHint: t('badgeVerifyHint'),
    selfAssertedMeaning: t('badgeSelfAssertedMeaning'),
    howToCheck: t('badgeHowToCheck'),
    howToCheckWallet: t('badgeHowToCheckWallet'),
    howToCheckValidator: t('badgeHowToCheckValidator'),
    saveForWallet: t('badgeSaveForWallet'),
    none: t('badgeNone'),
  };
}

const CSV_COLUMN_KEY: Record<keyof CsvText['columns'], MessageKey> = {
  session_id: 'csvSessionId',
  date: 'csvDate',
  start: 'csvStart',
  end: 'csvEnd',
  kind: 'csvKind',
  skills: 'csvSkills',
  skill: 'csvSkill',
  title: 'csvTitle',
  site: 'csvSite',
  url: 'csvUrl',
  active_seconds: 'csvActiveSeconds',
  active_minutes: 'csvActiveMinutes',
  pages: 'csvPages',
  searches: 'csvSearches',
  sessions: 'csvSessions',
  queries: 'csvQueries',
  note: 'csvNote',
  provenance: 'csvProvenance',
  stated_minutes: 'csvStatedMinutes',
  learning_kind: 'csvLearningKind',
  vouched_by: 'csvVouchedBy',
};

/**
 * The CSV file's column names and codes. English keeps the stable names scripts rely on.
 * @example exportCsv(shared, { strings: csvStrings() })
 */
export function csvStrings(): CsvText {
  const columns = [...CSV_COLUMNS.session, ...CSV_COLUMNS.totals];
  return {
    columns: Object.fromEntries(
      columns.map((c) => [c, t(CSV_COLUMN_KEY[c])]),
    ) as CsvText['columns'],
    untagged: t('csvUntagged'),
    kind: {
      reading: t('csvKindReading'),
      search: t('csvKindSearch'),
      watching: t('csvKindWatching'),
      away: t('csvKindAway'),
    },
  };
}

/**
 * How exports name a session whose title is withheld: "Search on google.com".
 * @example prepareExport(data, { ...week, level, strings: sessionLabelStrings() })
 */
export function sessionLabelStrings(): SessionLabelText {
  return {
    kind: kinds(),
    learning: learningKinds(),
    unknownSite: t('sessionLabelUnknownSite'),
    on: (kind, site) => t('sessionLabelOn', [kind, site]),
  };
}

/**
 * The words of a request for an endorsement of one stated activity, in the learner's language.
 * @example activityClaim(shared, session.id, options, activityClaimStrings())
 */
export function activityClaimStrings(): ActivityClaimText {
  return {
    name: (label) => t('activityClaimName', label),
    description: (kind, day, stated) => t('activityClaimDescription', [kind, day, stated]),
    criteria: t('activityClaimCriteria'),
  };
}
