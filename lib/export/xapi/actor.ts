/** The xAPI actor: who the learner is in statements. */
import { IRI_BASE } from '../iri';

export interface XapiActorOptions {
  /** Pseudonymous id of this installation: the actor's `account.name`. */
  installId: string;
  /** The learner's name, if they want it in statements. */
  name?: string;
  /** Used as `mbox` instead of the pseudonymous account when `useEmail` is set. */
  email?: string;
  useEmail?: boolean;
}

// The same check Learning Locker applies to `mbox`: anything else falls back to the account.
const MAILTO = /^[A-Z0-9.`'_%+-]+@[A-Z0-9.-]+\.[A-Z]{1,63}$/i;

/**
 * The xAPI actor: the pseudonymous account by default, `mbox` if the learner chose email.
 * @example xapiActor({ installId: 'u-1', name: 'Ada' }) // { objectType: 'Agent', name: 'Ada', account: { homePage: IRI_BASE, name: 'u-1' } }
 */
export function xapiActor(options: XapiActorOptions): Record<string, unknown> {
  const agent: Record<string, unknown> = { objectType: 'Agent' };
  const name = options.name?.trim();
  if (name) agent.name = name;
  const email = options.email?.trim();
  if (options.useEmail && email && MAILTO.test(email)) agent.mbox = `mailto:${email}`;
  else agent.account = { homePage: IRI_BASE, name: options.installId };
  return agent;
}
