import type { PrivacyLevel } from '../../lib/export/privacy';
import type { PortfolioPageText } from '../../lib/portfolio/text';
import { PRIVACY_LEVEL_KEYS as LEVEL } from './export-strings';
import { t } from './i18n';
import { provenanceStrings } from './provenance-strings';

/**
 * The portfolio page's words, in the interface language when it is saved. `$1` stays for
 * the page to fill.
 * @example portfolioPageHtml({ learner, records, text: portfolioPageStrings('titles'), lang }, assets)
 */
export function portfolioPageStrings(level: PrivacyLevel): PortfolioPageText {
  return {
    title: t('portfolioTitle', '$1'),
    intro: t('portfolioIntro'),
    selfIssued: t('portfolioSelfIssued'),
    privacy: t('portfolioPrivacy', [t(LEVEL[level].name), t(LEVEL[level].shares)]),
    checking: t('portfolioChecking'),
    recordHolds: t('portfolioRecordHolds'),
    recordChanged: t('portfolioRecordChanged'),
    endorsementHolds: t('portfolioEndorsementHolds'),
    endorsementChanged: t('portfolioEndorsementChanged'),
    countsHeading: t('portfolioCountsHeading'),
    measuredTime: t('portfolioMeasuredTime', '$1'),
    span: t('portfolioSpan', ['$1', '$2']),
    evidenceHeading: t('portfolioEvidenceHeading'),
    noEvidence: t('portfolioNoEvidence'),
    endorsementsHeading: t('endorsementsHeading'),
    endorsedBy: t('endorsedBy', '$1'),
    endorserNote: t('portfolioEndorserNote'),
    saveForWallet: t('badgeSaveForWallet'),
    criteriaHeading: t('verifyCriteria'),
    provenance: provenanceStrings(),
    noScript: t('portfolioNoScript'),
    damaged: t('portfolioDamaged'),
    proves: t('portfolioProves'),
    doesNotProve: t('portfolioDoesNotProve'),
  };
}
