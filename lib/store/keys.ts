/**
 * The learner's key pairs in the database (`meta`): the RSA signing key and the Ed25519
 * `did:key`. What a usable pair is and how keys are made is `lib/credentials/`.
 */
import type { SkilltrailDb } from './db';
import { DID_KEY_META } from '../credentials/did-key';
import {
  isUsablePair,
  type KeyStore,
  RS256_KEY_PARAMS,
  SIGNING_KEY_META,
} from '../credentials/keys';

/**
 * A key pair kept in the `meta` table under `name`. Saving is atomic and decides whose key
 * wins a race: the first pair stored stays (idempotent).
 */
function keyPairInMeta(db: SkilltrailDb, name: string, algorithm: string): KeyStore {
  return {
    async load() {
      const value = (await db.meta.get(name))?.value;
      return isUsablePair(value, algorithm) ? value : undefined;
    },
    async saveIfAbsent(pair) {
      // Key generation is async WebCrypto, which would end an IndexedDB transaction, so it
      // happens before this; the transaction only decides whose key wins a race.
      return db.transaction('rw', db.meta, async () => {
        const value = (await db.meta.get(name))?.value;
        if (isUsablePair(value, algorithm)) return value;
        await db.meta.put({ key: name, value: pair });
        return pair;
      });
    },
  };
}

/**
 * The RSA signing key's store (`signing-key` in `meta`).
 * @example const key = await getOrCreateSigningKey(signingKeyStore(db()));
 */
export function signingKeyStore(db: SkilltrailDb): KeyStore {
  return keyPairInMeta(db, SIGNING_KEY_META, RS256_KEY_PARAMS.name);
}

/**
 * The Ed25519 `did:key` pair's store (`did-key` in `meta`).
 * @example const key = await getOrCreateDidKey(didKeyStore(db()));
 */
export function didKeyStore(db: SkilltrailDb): KeyStore {
  return keyPairInMeta(db, DID_KEY_META, 'Ed25519');
}

/**
 * Makes `pair` the learner's `did:key` pair, inside the caller's transaction (which must
 * include `meta`): what a restore does with the key its backup brings, under the learner's
 * passphrase, on a new computer.
 * @example await db.transaction('rw', db.meta, () => replaceDidKey(db, opened.pair));
 */
export async function replaceDidKey(db: SkilltrailDb, pair: CryptoKeyPair): Promise<void> {
  await db.meta.put({ key: DID_KEY_META, value: pair });
}
