/**
 * The verb and activity type of each kind of learning away from the screen. ADL's own
 * vocabulary where one fits (`attended` a `meeting` or a `course`, `attempted` and
 * `experienced` a `performance`: "an attempted task or series of tasks within a particular
 * context"), the Activity Streams `read` and AcrossX `watched` the project already speaks,
 * and our own activity type where ADL has none (reading on paper).
 */
import type { LearningKind } from '../../learning-away/kinds';
import { IRI } from '../iri';
import { XAPI_VERB } from './vocabulary';

const ADL = 'http://adlnet.gov/expapi';

export const STATED_VERB = {
  attended: { id: `${ADL}/verbs/attended`, display: { 'en-US': 'attended' } },
  attempted: { id: `${ADL}/verbs/attempted`, display: { 'en-US': 'attempted' } },
} as const;

const TYPE = {
  meeting: `${ADL}/activities/meeting`,
  course: `${ADL}/activities/course`,
  performance: `${ADL}/activities/performance`,
} as const;

interface StatedVocabulary {
  verb: { id: string; display: { 'en-US': string } };
  type: string;
}

/** Each kind's verb and activity type. */
export const STATED_XAPI: Readonly<Record<LearningKind, StatedVocabulary>> = {
  work: { verb: XAPI_VERB.experienced, type: TYPE.performance },
  mentoring: { verb: STATED_VERB.attended, type: TYPE.meeting },
  volunteering: { verb: XAPI_VERB.experienced, type: TYPE.performance },
  community: { verb: STATED_VERB.attended, type: TYPE.meeting },
  'trial-and-error': { verb: STATED_VERB.attempted, type: TYPE.performance },
  'watching-others': { verb: XAPI_VERB.watched, type: TYPE.performance },
  course: { verb: STATED_VERB.attended, type: TYPE.course },
  trade: { verb: XAPI_VERB.experienced, type: TYPE.performance },
  reading: { verb: XAPI_VERB.read, type: IRI.offlineReadingType },
};
