/**
 * The learner's signing identity in the database: the Ed25519 pair `did-key.ts` makes, read
 * for a backup that carries it under a passphrase, and replaced by the one a backup brings
 * on a new computer.
 */
import { DID_KEY_META } from '../credentials/did-key';
import type { SkilltrailDb } from './db';

function isPair(v: unknown): v is CryptoKeyPair {
  const p = v as Partial<CryptoKeyPair> | null | undefined;
  return (
    !!p &&
    p.privateKey instanceof CryptoKey &&
    p.publicKey instanceof CryptoKey &&
    p.privateKey.algorithm.name === 'Ed25519'
  );
}

/**
 * The learner's key pair as stored, or `undefined` before the first badge or request.
 * @example const pair = await storedLearnerKey(db());
 */
export async function storedLearnerKey(db: SkilltrailDb): Promise<CryptoKeyPair | undefined> {
  const value = (await db.meta.get(DID_KEY_META))?.value;
  return isPair(value) ? value : undefined;
}

/**
 * Makes `pair` the learner's key, inside the caller's transaction (which must include
 * `meta`): what a restore does with the key its backup brings.
 * @example await db.transaction('rw', db.meta, () => putLearnerKey(db, pair));
 */
export async function putLearnerKey(db: SkilltrailDb, pair: CryptoKeyPair): Promise<void> {
  await db.meta.put({ key: DID_KEY_META, value: pair });
}
