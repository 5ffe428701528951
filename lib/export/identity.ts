/**
 * Who the learner is in exports: a pseudonymous id made once per installation, plus what
 * the learner chose to add (a name, an email). The id is not derived from anything about
 * the learner, so it links their own records to each other and to nothing else.
 */
import type { SkilltrailDb } from '../store/db';
import { newId } from '../ids';
import type { Settings } from '../settings/settings';
import type { XapiActorOptions } from './xapi';

/** The `meta` key of the pseudonymous installation id. */
export const INSTALL_ID_KEY = 'install-id';

/**
 * This installation's pseudonymous id, made on first use. Atomic and idempotent: two
 * concurrent first calls agree on one id.
 * @example const installId = await getOrCreateInstallId(db());
 */
export async function getOrCreateInstallId(
  db: SkilltrailDb,
  makeId: () => string = newId,
): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const found = (await db.meta.get(INSTALL_ID_KEY))?.value;
    if (typeof found === 'string' && found) return found;
    const id = makeId();
    await db.meta.put({ key: INSTALL_ID_KEY, value: id });
    return id;
  });
}

/**
 * The xAPI actor options from the learner's settings.
 * @example const actor = actorFromSettings(settings, await getOrCreateInstallId(db()));
 */
export function actorFromSettings(
  settings: Pick<Settings, 'learnerName' | 'learnerEmail' | 'useEmailInExports'>,
  installId: string,
): XapiActorOptions {
  return {
    installId,
    name: settings.learnerName,
    email: settings.learnerEmail,
    useEmail: settings.useEmailInExports,
  };
}
