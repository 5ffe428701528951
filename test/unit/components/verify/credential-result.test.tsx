// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialResult, type CredentialCheck } from '@/components/verify/CredentialResult';
import { describeCredential } from '@/lib/credentials/badge-view';
import type { EndorsementVerdict } from '@/lib/credentials/verify';

afterEach(cleanup);

const endorser = (over: Partial<EndorsementVerdict>): EndorsementVerdict => ({
  status: 'valid',
  issuerId: 'did:key:z6MkExample',
  issuerName: 'Grace Hopper',
  issuerDescription: 'Engineering lead at Example Ltd',
  comment: 'Rebuilt our pricing page with <b>grid</b>.',
  validFrom: '2026-12-01T18:30:00Z',
  ...over,
});

function check(endorsements: EndorsementVerdict[]): CredentialCheck {
  return {
    status: 'valid',
    proof: 'data-integrity',
    signer: 'did:key:z6MkLearner',
    view: describeCredential({ name: 'CSS — week 2026-W48', id: 'urn:uuid:1' }),
    endorsements,
  };
}

describe('CredentialResult: embedded endorsements', () => {
  it('names each endorser as they describe themselves, and says which do not hold and why', () => {
    render(
      <CredentialResult
        position={1}
        locale="en"
        check={check([
          endorser({}),
          endorser({ status: 'invalid', key: 'bad-proof', issuerName: 'Linus Example' }),
          endorser({ status: 'invalid', key: 'foreign-subject', issuerName: 'Someone Else' }),
        ])}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Endorsements (3)' })).toBeTruthy();
    const items = [...document.querySelectorAll('.endorsement')];
    expect(items.map((e) => e.getAttribute('data-status'))).toEqual([
      'valid',
      'invalid',
      'invalid',
    ]);
    expect(items[0]!.textContent).toContain(
      'Endorsed by Grace Hopper (as they describe themselves)',
    );
    expect(items[0]!.textContent).toContain('Engineering lead at Example Ltd');
    // A comment is text, never markup.
    expect(items[0]!.textContent).toContain('Rebuilt our pricing page with <b>grid</b>.');
    expect(items[0]!.querySelector('b')).toBeNull();
    expect(items[1]!.textContent).toContain(
      'The signature on this endorsement does not hold: it was changed after it was signed, or never signed.',
    );
    expect(items[2]!.textContent).toContain(
      'This endorsement is about something other than this badge or its achievement.',
    );
  });

  it('shows no endorsements section for a badge without any', () => {
    render(<CredentialResult position={1} locale="en" check={check([])} />);
    expect(screen.queryByRole('heading', { name: /^Endorsements/ })).toBeNull();
  });
});

describe('CredentialResult: whose work, and forged issuers', () => {
  it('says an endorsement lifted from another learner’s badge is about someone else’s work', () => {
    render(
      <CredentialResult
        position={1}
        locale="en"
        check={check([endorser({ status: 'invalid', key: 'someone-else' })])}
      />,
    );
    const item = document.querySelector('.endorsement')!;
    expect(item.getAttribute('data-key')).toBe('someone-else');
    expect(item.textContent).toContain('This endorsement is about someone else’s work.');
  });

  it('calls a credential whose did:key issuer did not sign it forged, not unconfirmed', () => {
    render(
      <CredentialResult
        position={1}
        locale="en"
        check={{
          status: 'invalid',
          proof: 'data-integrity',
          key: 'forged',
          detail: 'did:key:z6MkOther ≠ did:key:z6MkLearner',
          view: describeCredential({ name: 'CSS — week 2026-W48', id: 'urn:uuid:1' }),
        }}
      />,
    );
    const article = document.querySelector('.credential')!;
    expect(article.getAttribute('data-key')).toBe('forged');
    expect(screen.getByText(/^Not valid: forged/)).toBeTruthy();
    expect(article.textContent).not.toContain('unconfirmed');
  });
});
