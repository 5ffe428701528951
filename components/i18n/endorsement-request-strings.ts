import type { PrivacyLevel } from '../../lib/export/privacy';
import type { RequestPageText } from '../../lib/endorsement-request/text';
import { PRIVACY_LEVEL_KEYS as LEVEL } from './export-strings';
import { t } from './i18n';

/**
 * The endorsement request page's words, in the interface language at the time of asking.
 * `$1` stays for the page to fill. With `activity`, `skill` is one stated activity's name.
 * @example requestPageHtml({ credential, text: requestPageStrings('CSS', 'Ada', 'titles'), lang }, assets)
 */
export function requestPageStrings(
  skill: string,
  learner: string,
  level: PrivacyLevel,
  activity = false,
): RequestPageText {
  return {
    title: t('endorseReqTitle', skill),
    intro: activity
      ? t('endorseReqIntroActivity', [learner, skill])
      : t('endorseReqIntro', [learner, skill]),
    claimHeading: t('endorseReqClaimHeading'),
    oneActivity: t('endorseReqOneActivity'),
    learner: t('endorseReqLearner', '$1'),
    period: t('endorseReqPeriod', ['$1', '$2']),
    privacy: t('endorseReqPrivacy', [t(LEVEL[level].name), t(LEVEL[level].shares)]),
    evidenceHeading: t('endorseReqEvidenceHeading'),
    noEvidence: t('endorseReqNoEvidence'),
    selfAsserted: t('endorseReqSelfAsserted'),
    checking: t('endorseReqChecking'),
    fingerprint: t('endorseReqFingerprint', '$1'),
    willSay: t('endorseReqWillSay'),
    notTheirs: t('endorseReqNotTheirs'),
    signatureHolds: t('endorseReqSignatureHolds', '$1'),
    signatureFails: t('endorseReqSignatureFails'),
    formHeading: t('endorseReqFormHeading'),
    meaning: t('endorseReqMeaning'),
    keyNote: t('endorseReqKeyNote'),
    name: t('endorseReqName'),
    role: t('endorseReqRole'),
    email: t('endorseReqEmail'),
    howKnown: t('endorseReqHowKnown'),
    comment: t('endorseReqComment'),
    commentHint: t('endorseReqCommentHint'),
    required: t('endorseReqRequired'),
    sign: t('endorseReqSign'),
    signing: t('endorseReqSigning'),
    missingName: t('endorseReqMissingName'),
    missingComment: t('endorseReqMissingComment'),
    badEmail: t('endorseReqBadEmail'),
    tooLong: t('endorseReqTooLong'),
    noEd25519: t('endorseReqNoEd25519'),
    signFailed: t('endorseReqSignFailed', '$1'),
    done: t('endorseReqDone', '$1'),
    damaged: t('endorseReqDamaged'),
    noScript: t('endorseReqNoScript'),
    footer: t('endorseReqFooter'),
  };
}
