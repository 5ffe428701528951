import { describe, expect, it } from 'vitest';
import {
  checkPortfolioUrl,
  linkedInCertificationUrl,
  MAX_PORTFOLIO_URL,
} from '../../../lib/portfolio/linkedin';

const FIELDS = {
  name: 'CSS — skill record, 2025-03-01 to 2026-12-07',
  organizationName: 'Self-issued by Ada Learner & co',
  issuedAt: '2026-12-07T10:00:00Z',
  credentialId: 'urn:uuid:5f0c7e64-3f0c-4b7e-9a51-1d6e2c9b7a10',
};

describe('the LinkedIn add-certification link', () => {
  it('fills name, issuer, issue year and month, and credential id', () => {
    const url = new URL(linkedInCertificationUrl(FIELDS));
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: FIELDS.name,
      organizationName: FIELDS.organizationName,
      issueYear: '2026',
      issueMonth: '12',
      certId: FIELDS.credentialId,
    });
  });

  it('encodes every field, so no value can add a parameter of its own', () => {
    const url = linkedInCertificationUrl({ ...FIELDS, name: 'CSS&certUrl=https://evil.example' });
    expect(new URL(url).searchParams.get('name')).toBe('CSS&certUrl=https://evil.example');
    expect(new URL(url).searchParams.get('certUrl')).toBeNull();
  });

  it('adds the portfolio address when it is https, and leaves out any other', () => {
    const withUrl = linkedInCertificationUrl({
      ...FIELDS,
      portfolioUrl: ' https://ada.example/portfolio.html ',
    });
    expect(new URL(withUrl).searchParams.get('certUrl')).toBe('https://ada.example/portfolio.html');
    for (const portfolioUrl of [
      'http://ada.example/p.html',
      'javascript:alert(1)',
      'file:///home/ada/p.html',
      'https://user:pw@ada.example/',
      'not a url',
    ]) {
      const url = linkedInCertificationUrl({ ...FIELDS, portfolioUrl });
      expect(new URL(url).searchParams.get('certUrl'), portfolioUrl).toBeNull();
    }
  });

  it('leaves out an issue date it cannot read', () => {
    const url = new URL(linkedInCertificationUrl({ ...FIELDS, issuedAt: 'soon' }));
    expect(url.searchParams.get('issueYear')).toBeNull();
    expect(url.searchParams.get('issueMonth')).toBeNull();
  });
});

describe('checkPortfolioUrl', () => {
  it.each([
    ['https://ada.example/portfolio.html', { ok: true, url: 'https://ada.example/portfolio.html' }],
    ['http://ada.example/', { ok: false, reason: 'not-https' }],
    ['data:text/html,<b>', { ok: false, reason: 'not-https' }],
    ['ada.example', { ok: false, reason: 'not-a-url' }],
    ['https://localhost/', { ok: false, reason: 'not-a-url' }],
    [`https://ada.example/${'a'.repeat(MAX_PORTFOLIO_URL)}`, { ok: false, reason: 'too-long' }],
  ])('%s', (text, expected) => {
    expect(checkPortfolioUrl(text)).toEqual(expected);
  });
});
