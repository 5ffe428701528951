/**
 * The installation's pseudonymous id, kept in the database's `meta` table. It is not
 * derived from anything about the learner, so it links their own records to each other and
 * to nothing else.
 */
import { newId } from '../ids';
import type { SkilltrailDb } from './db';

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
