/**
 * What end-to-end tests ask of a downloaded badges file: every credential passes checkers
 * Skilltrail did not write — `@digitalcredentials/verifier-core` (wallets, VerifierPlus)
 * and Digital Bazaar's `vc.verifyCredential` for the Data Integrity form; `jose` and the
 * 1EdTech JSON Schema for the VC-JWT — and Skilltrail's own verdict is "valid". Also makes
 * a forged file: a university's name on a badge signed with some other key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { verifyCredential as verifierCore } from '@digitalcredentials/verifier-core';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { compactVerify, importJWK } from 'jose';
import { expect } from 'vitest';
import { signDataIntegrity } from '../../../lib/credentials/data-integrity';
import { getOrCreateDidKey } from '../../../lib/credentials/did-key';
import { documentLoader } from '../../../lib/credentials/document-loader';
import { decodeCompactJws } from '../../../lib/credentials/jws';
import { memoryKeyStore } from '../../../lib/credentials/keys';
import { checkCredential } from '../../../lib/credentials/verify';

const SCHEMA_PATH = fileURLToPath(
  new URL('../../../../shared/schemas/ob_v3p0_achievementcredential_schema.json', import.meta.url),
);

interface BadgesDoc {
  credentials: (string | Record<string, unknown>)[];
}

function schema() {
  if (!existsSync(SCHEMA_PATH)) {
    if (process.env.CI)
      throw new Error(`Missing ${SCHEMA_PATH}: the 1EdTech schema is required in CI.`);
    return undefined;
  }
  const ajv = new Ajv2019({ strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
}

/** Checks every credential of a badges file's text; answers how many of each form it held. */
export async function expectBadgesPassIndependentCheckers(
  text: string,
): Promise<{ dataIntegrity: number; jwt: number }> {
  const doc = JSON.parse(text) as BadgesDoc;
  const validate = schema();
  const suite = new DataIntegrityProof({ cryptosuite });
  const counts = { dataIntegrity: 0, jwt: 0 };
  for (const item of doc.credentials) {
    expect(await checkCredential(item, { now: Date.now() })).toMatchObject({ status: 'valid' });
    if (typeof item === 'string') {
      counts.jwt += 1;
      const { header, payload } = decodeCompactJws(item)!;
      await compactVerify(item, await importJWK(header.jwk as never, 'RS256'));
      if (validate) expect(validate(payload), JSON.stringify(validate.errors)).toBe(true);
      continue;
    }
    counts.dataIntegrity += 1;
    const db = await vc.verifyCredential({ credential: item, suite, documentLoader });
    expect(db.verified, JSON.stringify(db.error)).toBe(true);
    // Offline, as everywhere here: verifier-core would fetch the credential's JSON Schema.
    const fetch = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new Error('offline'));
    const core = (await verifierCore({ credential: item as never, knownDIDRegistries: [] }).finally(
      () => (globalThis.fetch = fetch),
    )) as { log?: { id: string; valid: boolean }[] };
    expect(core.log?.find((s) => s.id === 'valid_signature')?.valid).toBe(true);
    if (validate) expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
  }
  return counts;
}

/**
 * The file's first JSON credential, re-issued as if by the University of Oxford and signed
 * with a fresh key: a valid signature whose issuer nothing confirms.
 */
export async function forgedBadgesFile(text: string): Promise<string> {
  const doc = JSON.parse(text) as BadgesDoc;
  const original = doc.credentials.find((c) => typeof c === 'object')!;
  const { proof: _, ...unsigned } = original;
  const key = await getOrCreateDidKey(memoryKeyStore());
  const forged = await signDataIntegrity(
    {
      ...unsigned,
      issuer: { id: 'https://www.ox.ac.uk/', type: ['Profile'], name: 'University of Oxford' },
    },
    key.signer,
  );
  return JSON.stringify(forged);
}
