/**
 * The nine kinds of informal learning a learner can state, in plain words. Reading and
 * searching on the web is the one Skilltrail measures; the others happen on a shop floor, in
 * a kitchen, at a food bank, and only the learner can say they happened. Each kind has a
 * short name and a one-line example in the learner's language (the messages `learningKind*`);
 * exports carry the English names below.
 */

export const LEARNING_KINDS = [
  'work',
  'mentoring',
  'volunteering',
  'community',
  'trial-and-error',
  'watching-others',
  'course',
  'trade',
  'reading',
] as const;

export type LearningKind = (typeof LEARNING_KINDS)[number];

/**
 * Whether `value` is one of the nine kinds.
 * @example isLearningKind('mentoring') // true
 */
export function isLearningKind(value: unknown): value is LearningKind {
  return typeof value === 'string' && (LEARNING_KINDS as readonly string[]).includes(value);
}

/** English names, as exports and statements carry them (the form shows the learner's language). */
export const LEARNING_KIND_NAMES: Readonly<Record<LearningKind, string>> = {
  work: 'Learning on the job',
  mentoring: 'Mentoring or coaching',
  volunteering: 'Volunteering',
  community: 'A group that shares know-how',
  'trial-and-error': 'Trying things out',
  'watching-others': 'Watching how others do it',
  course: 'A class or workshop without credit',
  trade: 'Learning a trade from co-workers',
  reading: 'Reading or looking things up',
};
