import type { LearningKind } from '../../lib/learning-away/kinds';
import type { MessageKey } from './i18n';

/** Message keys of each kind of learning's plain name and one-line example. */
export const LEARNING_KIND_KEYS: Readonly<
  Record<LearningKind, { name: MessageKey; example: MessageKey }>
> = {
  work: { name: 'learningKindWork', example: 'learningKindWorkExample' },
  mentoring: { name: 'learningKindMentoring', example: 'learningKindMentoringExample' },
  volunteering: { name: 'learningKindVolunteering', example: 'learningKindVolunteeringExample' },
  community: { name: 'learningKindCommunity', example: 'learningKindCommunityExample' },
  'trial-and-error': {
    name: 'learningKindTrialAndError',
    example: 'learningKindTrialAndErrorExample',
  },
  'watching-others': {
    name: 'learningKindWatchingOthers',
    example: 'learningKindWatchingOthersExample',
  },
  course: { name: 'learningKindCourse', example: 'learningKindCourseExample' },
  trade: { name: 'learningKindTrade', example: 'learningKindTradeExample' },
  reading: { name: 'learningKindReading', example: 'learningKindReadingExample' },
};
