/**
 * The nine kinds of informal learning a learner can state, in plain words. Reading and
 * searching on the web is the one Skilltrail measures; the others happen on a shop floor, in
 * a kitchen, at a food bank, and only the learner can say they happened. Each kind has a
 * short name and a one-line example (the messages `learningKind*` say the same in six
 * languages; these English words are for the exports).
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

/** English names and examples, as exports and statements carry them. */
export const LEARNING_KIND_TEXT: Readonly<Record<LearningKind, { name: string; example: string }>> =
  {
    work: { name: 'Learning on the job', example: 'Doing a new task at work for the first time.' },
    mentoring: {
      name: 'Mentoring or coaching',
      example: 'A senior technician showed me how to test a circuit.',
    },
    volunteering: {
      name: 'Volunteering',
      example: 'I ran the stock sheet at the food bank.',
    },
    community: {
      name: 'A group that shares know-how',
      example: 'A meet-up where bakers swap tips.',
    },
    'trial-and-error': {
      name: 'Trying things out',
      example: 'I fixed my bike by trying until it worked.',
    },
    'watching-others': {
      name: 'Watching how others do it',
      example: 'I watched the head cook plate the dishes.',
    },
    course: {
      name: 'A class or workshop without credit',
      example: 'A free first-aid workshop.',
    },
    trade: {
      name: 'Learning a trade from co-workers',
      example: 'The crew showed me the tricks of the trade.',
    },
    reading: {
      name: 'Reading or looking things up',
      example: 'A repair manual or a library book.',
    },
  };
