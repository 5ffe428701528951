/**
 * The xAPI 1.0.3 vocabulary Skilltrail speaks, as `STANDARDS.md` lays out: verbs (ADL,
 * Activity Streams, AcrossX, CATCH and our own for follow-ups), activity types, and the
 * words statements carry.
 */
import { IRI } from '../iri';

export const XAPI_VERSION = '1.0.3';

export const XAPI_VERB = {
  read: { id: 'http://activitystrea.ms/schema/1.0/read', display: { 'en-US': 'read' } },
  watched: { id: 'https://w3id.org/xapi/acrossx/verbs/watched', display: { 'en-US': 'watched' } },
  searched: {
    id: 'https://w3id.org/xapi/acrossx/verbs/searched',
    display: { 'en-US': 'searched' },
  },
  reflected: {
    id: 'https://w3id.org/xapi/catch/verbs/reflected',
    display: { 'en-US': 'reflected' },
  },
  experienced: {
    id: 'http://adlnet.gov/expapi/verbs/experienced',
    display: { 'en-US': 'experienced' },
  },
  recalled: { id: IRI.verb.recalled, display: { 'en-US': 'recalled' } },
  applied: { id: IRI.verb.applied, display: { 'en-US': 'applied' } },
} as const;

export const XAPI_ACTIVITY_TYPE = {
  article: 'http://activitystrea.ms/schema/1.0/article',
  webpage: 'https://w3id.org/xapi/acrossx/activities/webpage',
  video: 'https://w3id.org/xapi/acrossx/activities/video',
  profile: 'http://adlnet.gov/expapi/activities/profile',
} as const;

/** Words in statements (English for now; one place to translate). */
export const XAPI_TEXT = {
  platform: 'Skilltrail browser extension',
  session: {
    reading: 'Reading session',
    search: 'Search session',
    watching: 'Watching session',
    away: 'Learning away from the screen',
  },
  week: (key: string) => `Week ${key}`,
  period: (label: string) => `Period ${label}`,
  search: (where: string) => `Web search on ${where}`,
  profile: 'Skilltrail informal learning profile',
} as const;
