/**
 * The endorser's form on the request page: what each field must hold, and the endorser and
 * comment it makes. The name and the comment are required; the email, when given, must at
 * least look like one. Role and "how you know this work" together describe the endorser
 * (the `Profile`'s `description`), in their own words.
 */
import { ENDORSEMENT_LIMITS, type Endorser } from '../credentials/endorsement';

export interface EndorserFields {
  name: string;
  role: string;
  email: string;
  howKnown: string;
  comment: string;
}

export type EndorserField = keyof EndorserFields;

export type EndorserProblem = 'missingName' | 'missingComment' | 'badEmail' | 'tooLong';

/** The longest text each field takes; `role` and `howKnown` share the description's room. */
export const FIELD_LIMITS: Readonly<Record<EndorserField, number>> = {
  name: ENDORSEMENT_LIMITS.name,
  role: 1_000,
  email: ENDORSEMENT_LIMITS.email,
  howKnown: ENDORSEMENT_LIMITS.description - 1_002,
  comment: ENDORSEMENT_LIMITS.comment,
};

export type EndorserForm =
  | { ok: true; endorser: Endorser; comment: string }
  | { ok: false; problems: { field: EndorserField; problem: EndorserProblem }[] };

/** Something before an @, something after it with a dot, no spaces: enough to catch a slip. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads the form; answers the endorser and comment, or every problem in field order.
 * @example readEndorserForm({ name: 'Grace', role: '', email: '', howKnown: '', comment: 'Solid work.' })
 */
export function readEndorserForm(fields: EndorserFields): EndorserForm {
  const v = {
    name: fields.name.trim(),
    role: fields.role.trim(),
    email: fields.email.trim(),
    howKnown: fields.howKnown.trim(),
    comment: fields.comment.trim(),
  };
  const problems: { field: EndorserField; problem: EndorserProblem }[] = [];
  for (const field of ['name', 'role', 'email', 'howKnown', 'comment'] as const) {
    if (field === 'name' && !v.name) problems.push({ field, problem: 'missingName' });
    else if (field === 'comment' && !v.comment) problems.push({ field, problem: 'missingComment' });
    else if (v[field].length > FIELD_LIMITS[field]) problems.push({ field, problem: 'tooLong' });
    else if (field === 'email' && v.email && !EMAIL.test(v.email))
      problems.push({ field, problem: 'badEmail' });
  }
  if (problems.length) return { ok: false, problems };
  const description = [v.role, v.howKnown].filter(Boolean).join('\n\n');
  const endorser: Endorser = { name: v.name };
  if (description) endorser.description = description;
  if (v.email) endorser.email = v.email;
  return { ok: true, endorser, comment: v.comment };
}
