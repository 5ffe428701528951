/**
 * What the LRS sync takes from the xAPI export: the same statements of a session that a
 * file holds, for the same actor.
 */
export { buildSessionStatements } from './session-statements';
export type { XapiActorOptions } from './actor';
