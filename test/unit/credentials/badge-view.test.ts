import { describe, expect, it } from 'vitest';
import { describeCredential, MAX_EVIDENCE_SHOWN } from '../../../lib/credentials/badge-view';

describe('describeCredential', () => {
  it('reads the parts a person checks, as text', () => {
    const view = describeCredential({
      id: 'urn:uuid:1',
      name: 'CSS — week 2026-W48',
      issuer: { id: 'did:jwk:abc', name: 'Ada' },
      validFrom: '2026-11-30T09:00:00Z',
      credentialSubject: {
        id: 'did:jwk:abc',
        narrative: 'In week 2026-W48 I spent 13 min…',
        achievement: {
          name: 'CSS',
          criteria: { narrative: 'Self-asserted.' },
          alignment: [
            {
              targetName: 'CSS',
              targetUrl: 'http://data.europa.eu/esco/skill/x',
              targetFramework: 'ESCO',
            },
          ],
        },
      },
      credentialSchema: [{ id: 'https://purl.imsglobal.org/schema.json' }],
      evidence: [{ name: 'CSS grid', id: 'https://developer.mozilla.org/', narrative: 'Notes' }],
    });
    expect(view).toMatchObject({
      name: 'CSS — week 2026-W48',
      issuerId: 'did:jwk:abc',
      issuerName: 'Ada',
      achievement: { name: 'CSS', criteria: 'Self-asserted.' },
      alignments: [{ framework: 'ESCO', name: 'CSS' }],
      schemas: ['https://purl.imsglobal.org/schema.json'],
      evidence: [{ name: 'CSS grid', id: 'https://developer.mozilla.org/', narrative: 'Notes' }],
    });
  });

  it.each([null, 'text', 42, [], { issuer: 7, credentialSubject: 'x', evidence: 'x' }])(
    'turns %j into empty text, never throwing',
    (value) => {
      const view = describeCredential(value);
      expect(view.name).toBe('');
      expect(view.issuerId).toBe('');
      expect(view.evidence.every((e) => typeof e.name === 'string')).toBe(true);
    },
  );

  it('keeps markup as text and bounds long lists', () => {
    const evidence = Array.from({ length: MAX_EVIDENCE_SHOWN + 3 }, () => ({
      name: '<img src=x onerror=alert(1)>',
    }));
    const view = describeCredential({ evidence });
    expect(view.evidence).toHaveLength(MAX_EVIDENCE_SHOWN);
    expect(view.evidenceHidden).toBe(3);
    expect(view.evidence[0]?.name).toBe('<img src=x onerror=alert(1)>');
  });
});
