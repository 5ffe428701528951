import { describe, expect, it } from 'vitest';
import { nameUuid, UUID_NAMESPACE } from '../../../lib/export/iri';

describe('nameUuid', () => {
  it('matches the RFC 9562 version 5 test vector', async () => {
    // RFC 9562 appendix A.4: the DNS namespace and "www.example.com".
    expect(await nameUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(await nameUuid(UUID_NAMESPACE.xapi, 'x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
