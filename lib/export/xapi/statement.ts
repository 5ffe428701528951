/**
 * What every statement shares: its shape, the options that shape it, and its name-based
 * ids. Statement ids are name-based UUIDs of record ids (and the level below `full`), so
 * the same data always gives the same statements and re-sending to an LRS is idempotent.
 */
import { nameUuid, UUID_NAMESPACE } from '../iri';
import type { PrivacyLevel } from '../privacy';
import type { XapiActorOptions } from './actor';

/** An xAPI statement as exported: a JSON object with a UUID `id`. */
export interface XapiStatement {
  id: string;
  [key: string]: unknown;
}

export interface XapiOptions {
  actor: XapiActorOptions;
  level: PrivacyLevel;
  timeZone?: string;
  weekStart?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id of a statement about a record, by its name and the privacy level.
 * @example await statementId(`read:${visit.id}`, 'full')
 */
export async function statementId(name: string, level: PrivacyLevel): Promise<string> {
  // Below `full` a statement says less; a different id keeps an LRS from seeing a conflict.
  return nameUuid(UUID_NAMESPACE.xapi, level === 'full' ? name : `${name}|${level}`);
}

/**
 * A session's `context.registration`: its id when that is a UUID, else one named after it.
 * @example await registrationOf(session.id)
 */
export async function registrationOf(sessionId: string): Promise<string> {
  return UUID.test(sessionId)
    ? sessionId.toLowerCase()
    : nameUuid(UUID_NAMESPACE.xapi, `registration:${sessionId}`);
}
