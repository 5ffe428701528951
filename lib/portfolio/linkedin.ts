/**
 * LinkedIn's public "add a certification to your profile" link, filled from a skill record.
 * The link only opens LinkedIn's own form with the fields filled: the learner reviews it
 * there and saves it, or not. Nothing is sent by Skilltrail, and nothing is fetched.
 */

const ADD_CERTIFICATION = 'https://www.linkedin.com/profile/add';

/** Longest portfolio address offered to LinkedIn. */
export const MAX_PORTFOLIO_URL = 2_000;

export type PortfolioUrlCheck =
  { ok: true; url: string } | { ok: false; reason: 'not-https' | 'too-long' | 'not-a-url' };

/**
 * Whether `text` can stand as the address where the learner hosts their portfolio: an
 * `https:` address without a user name or password, as LinkedIn will link it.
 * @example checkPortfolioUrl('http://ada.example/portfolio.html') // { ok: false, reason: 'not-https' }
 */
export function checkPortfolioUrl(text: string): PortfolioUrlCheck {
  const trimmed = text.trim();
  if (trimmed.length > MAX_PORTFOLIO_URL) return { ok: false, reason: 'too-long' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, reason: 'not-a-url' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'not-https' };
  if (url.username || url.password || !url.hostname.includes('.')) {
    return { ok: false, reason: 'not-a-url' };
  }
  return { ok: true, url: url.href };
}

export interface CertificationFields {
  /** The credential's name: "CSS — skill record, …". */
  name: string;
  /** Who issued it; for a self-issued record, words that say so. */
  organizationName: string;
  /** The credential's `validFrom`, ISO 8601. */
  issuedAt: string;
  /** The credential's `id`. */
  credentialId: string;
  /** Where the portfolio is hosted; checked with `checkPortfolioUrl`, else left out. */
  portfolioUrl?: string;
}

/**
 * The "add certification" link for one skill record.
 * @example linkedInCertificationUrl({ name: 'CSS — skill record', organizationName: 'Self-issued by Ada', issuedAt: '2026-12-07T10:00:00Z', credentialId: 'urn:uuid:…' })
 */
export function linkedInCertificationUrl(fields: CertificationFields): string {
  const issued = new Date(fields.issuedAt);
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: fields.name,
    organizationName: fields.organizationName,
  });
  if (Number.isFinite(issued.getTime())) {
    params.set('issueYear', String(issued.getUTCFullYear()));
    params.set('issueMonth', String(issued.getUTCMonth() + 1));
  }
  params.set('certId', fields.credentialId);
  const portfolio = fields.portfolioUrl ? checkPortfolioUrl(fields.portfolioUrl) : undefined;
  if (portfolio?.ok) params.set('certUrl', portfolio.url);
  return `${ADD_CERTIFICATION}?${params.toString()}`;
}
