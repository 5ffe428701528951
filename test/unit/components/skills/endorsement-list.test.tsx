// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EndorsementList } from '@/components/skills/EndorsementList';

afterEach(cleanup);

const NOW = Date.UTC(2026, 11, 7, 12);
const item = {
  id: 'e-1',
  issuerName: 'Grace Hopper',
  comment: 'Solid work.',
  issuedAt: Date.UTC(2026, 10, 1),
};

describe('EndorsementList', () => {
  it('marks an endorsement stored before its validUntil passed as expired, and only that one', () => {
    render(
      <EndorsementList
        locale="en"
        now={NOW}
        items={[
          { ...item, expiresAt: Date.UTC(2026, 11, 1) },
          { ...item, id: 'e-2', expiresAt: Date.UTC(2027, 0, 1) },
          { ...item, id: 'e-3' },
        ]}
      />,
    );
    const rows = [...document.querySelectorAll('.endorsement-list li')];
    expect(rows.map((r) => r.getAttribute('data-expired'))).toEqual(['true', null, null]);
    expect(rows[0]!.querySelector('.endorsement-expired')?.textContent).toMatch(/^Expired /);
    expect(rows[1]!.querySelector('.endorsement-expired')).toBeNull();
  });
});
