/**
 * The activities statements are about or set in: a skill (its framework URI when it has
 * one), the profile, a week or other period, a session, a page. At `titles` a page is an
 * opaque per-record IRI, at `sites` the site root.
 */
import { isWebUrl } from '../../url';
import { IRI, pageIri, periodIri, sessionIri, skillIri } from '../iri';
import type { PrivacyLevel, SharedSession, SharedSkill } from '../privacy';
import { XAPI_ACTIVITY_TYPE, XAPI_TEXT } from './vocabulary';

export type LanguageMap = Record<string, string>;
export interface Activity {
  objectType: 'Activity';
  id: string;
  definition?: { type?: string; name?: LanguageMap; description?: LanguageMap };
}

function frameworkIri(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  if (/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(uri)) return uri;
  return isWebUrl(uri) ? new URL(uri).href : undefined;
}

/**
 * The activity naming a skill in `context.contextActivities.category`.
 * @example skillActivity({ id, name: 'CSS', colour }) // { objectType: 'Activity', id: 'https://skilltrail.app/xapi/skills/<id>', … }
 */
export function skillActivity(skill: Pick<SharedSkill, 'id' | 'name' | 'uri'>): Activity {
  return {
    objectType: 'Activity',
    id: frameworkIri(skill.uri) ?? skillIri(skill.id),
    definition: { type: IRI.skillType, name: { und: skill.name } },
  };
}

export const PROFILE_ACTIVITY: Activity = {
  objectType: 'Activity',
  id: IRI.profile,
  definition: { type: XAPI_ACTIVITY_TYPE.profile, name: { 'en-US': XAPI_TEXT.profile } },
};

/**
 * The week or other period a statement is grouped under.
 * @example periodActivity('2026-W48') // { objectType: 'Activity', id: 'https://skilltrail.app/xapi/weeks/2026-W48', … }
 */
export function periodActivity(label: string): Activity {
  const isWeek = /^\d{4}-W\d\d$/.test(label);
  return {
    objectType: 'Activity',
    id: periodIri(label),
    definition: {
      type: isWeek ? IRI.weekType : IRI.rangeType,
      name: { 'en-US': isWeek ? XAPI_TEXT.week(label) : XAPI_TEXT.period(label) },
    },
  };
}

/**
 * The learning session a statement belongs to, named by its kind when known.
 * @example sessionActivity({ id: session.id, kind: 'reading' })
 */
export function sessionActivity(s: Pick<SharedSession, 'id'> & Partial<SharedSession>): Activity {
  return {
    objectType: 'Activity',
    id: sessionIri(s.id),
    definition: s.kind
      ? { type: IRI.sessionType, name: { 'en-US': XAPI_TEXT.session[s.kind] } }
      : { type: IRI.sessionType },
  };
}

export interface PageLike {
  id: string;
  title?: string;
  url?: string;
  site?: string;
  siteUrl?: string;
  readerable?: boolean;
  wordCount?: number;
  watching?: boolean;
}

/**
 * The page read: its URL, else the site root at `sites`, else an opaque IRI by record id.
 * @example pageActivity({ id: visit.id, url: visit.url, title: visit.title }, 'full')
 */
export function pageActivity(p: PageLike, level: PrivacyLevel): Activity {
  let id: string;
  if (p.url && isWebUrl(p.url)) id = new URL(p.url).href;
  else if (level === 'sites' && p.siteUrl) id = p.siteUrl;
  else id = pageIri(p.id);
  const type = p.watching
    ? XAPI_ACTIVITY_TYPE.video
    : p.readerable || (p.wordCount ?? 0) > 0
      ? XAPI_ACTIVITY_TYPE.article
      : XAPI_ACTIVITY_TYPE.webpage;
  const activity: Activity = { objectType: 'Activity', id, definition: { type } };
  // At `sites` one activity stands for a whole site: name it by the site, not a page.
  const name = level === 'sites' ? p.site : (p.title ?? p.site);
  if (name) activity.definition!.name = { und: name };
  return activity;
}
