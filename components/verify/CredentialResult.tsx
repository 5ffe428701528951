import type { CredentialView } from '@/lib/credentials/badge-view';
import type { VerifyErrorKey } from '@/lib/credentials/vc-jwt';
import type { EndorsementErrorKey } from '@/lib/credentials/endorsement';
import type { EndorsementVerdict, ProofForm } from '@/lib/credentials/verify';
import { formatDateTime, formatNumber } from '@/lib/format';
import { isProvenance } from '@/lib/provenance';
import { t, type MessageKey } from '../i18n/i18n';
import { PROVENANCE_KEYS } from '../i18n/provenance-strings';

const VERIFY_ERROR_MESSAGE: Record<VerifyErrorKey, MessageKey> = {
  malformed: 'verifyErrorMalformed',
  header: 'verifyErrorHeader',
  key: 'verifyErrorKey',
  signature: 'verifyErrorSignature',
  'not-credential': 'verifyErrorNotCredential',
  claims: 'verifyErrorClaims',
  'no-proof': 'verifyErrorNoProof',
  jsonld: 'verifyErrorJsonld',
  dates: 'verifyErrorDates',
  'not-yet-valid': 'verifyErrorNotYetValid',
  expired: 'verifyErrorExpired',
  forged: 'verifyErrorForged',
};

/** Why an embedded endorsement does not hold. */
const ENDORSEMENT_ERROR_MESSAGE: Record<EndorsementErrorKey, MessageKey> = {
  'too-large': 'endorsementTooLarge',
  'not-json': 'endorsementNotEndorsement',
  'not-endorsement': 'endorsementNotEndorsement',
  'bad-proof': 'endorsementBadProof',
  'not-issuer': 'endorsementNotIssuer',
  'foreign-subject': 'verifyEndorsementOtherSubject',
  'not-yet-valid': 'endorsementNotYetValid',
  'too-complex': 'endorsementTooComplex',
  'earlier-version': 'endorsementEarlierVersion',
  'someone-else': 'endorsementSomeoneElse',
  expired: 'endorsementExpired',
};

const PROOF_LABEL: Record<ProofForm, MessageKey> = {
  'data-integrity': 'verifyProofDataIntegrity',
  'vc-jwt': 'verifyProofVcJwt',
};

/** A verdict as the view shows it: `checkCredential`'s, with the claims made readable. */
export type CredentialCheck =
  | {
      status: 'valid' | 'issuer-unconfirmed';
      proof: ProofForm;
      /** The DID whose key signed. */
      signer: string;
      view: CredentialView;
      /** Each endorsement the credential embeds, checked on its own. */
      endorsements: readonly EndorsementVerdict[];
    }
  | {
      status: 'invalid';
      proof: ProofForm | undefined;
      key: VerifyErrorKey;
      detail: string;
      view: CredentialView | null;
    };

export interface CredentialResultProps {
  /** 1-based position in the file. */
  position: number;
  check: CredentialCheck;
  locale: string;
}

function when(iso: string, locale: string): string {
  const ts = Date.parse(iso);
  return Number.isFinite(ts) ? formatDateTime(ts, locale) : iso;
}

/** One credential's verification result, claims and evidence. Every value is shown as text. */
export function CredentialResult({ position, check, locale }: CredentialResultProps) {
  const view = check.view;
  const name = view?.name || t('verifyCredentialN', formatNumber(position, locale));
  const facts: [string, string][] = view
    ? (
        [
          // The name is only what the badge claims; the DID is what a signature can confirm.
          [
            t('verifyIssuer'),
            [view.issuerId, view.issuerName && t('verifySaysItIs', view.issuerName)]
              .filter(Boolean)
              .join(' — '),
          ],
          [t('verifySubject'), view.subjectId],
          [t('verifyValidFrom'), view.validFrom && when(view.validFrom, locale)],
          [t('verifyValidUntil'), view.validUntil && when(view.validUntil, locale)],
          [
            t('verifyPeriod'),
            [view.activityStart, view.activityEnd]
              .filter(Boolean)
              .map((d) => when(d, locale))
              .join(' – '),
          ],
          [t('verifyAchievement'), view.achievement.name],
          [t('verifyAchievementDescription'), view.achievement.description],
          [t('verifyCriteria'), view.achievement.criteria],
          [t('verifyNarrative'), view.narrative],
          [t('verifyResults'), view.results.map((r) => `${r.name}: ${r.value}`).join('; ')],
          [
            t('verifyAlignment'),
            view.alignments
              .map((a) => [a.framework, a.name, a.url].filter(Boolean).join(' · '))
              .join('; '),
          ],
          [t('verifyId'), view.id],
        ] as [string, string][]
      ).filter(([, v]) => v)
    : [];
  return (
    <article
      class={`credential is-${check.status}`}
      data-valid={check.status === 'valid' ? 'true' : 'false'}
      data-status={check.status}
      data-key={check.status === 'invalid' ? check.key : ''}
      data-proof={check.proof ?? ''}
    >
      <h2>{name}</h2>
      {check.status === 'valid' && (
        <p class="verdict ok">
          <span aria-hidden="true">✓ </span>
          {t('verifyValid')}
        </p>
      )}
      {check.status === 'issuer-unconfirmed' && (
        <p class="verdict warning">
          <span aria-hidden="true">⚠ </span>
          {t('verifyUnconfirmed')}
        </p>
      )}
      {check.status === 'invalid' && (
        <>
          <p class="verdict error">
            <span aria-hidden="true">✗ </span>
            {t('verifyInvalid', t(VERIFY_ERROR_MESSAGE[check.key] ?? 'verifyErrorMalformed'))}
          </p>
          {check.detail && <p class="muted detail">{check.detail}</p>}
          {view && <p class="notice">{t('verifyUnverifiedContent')}</p>}
        </>
      )}
      {check.proof && (
        <p class="muted proof">
          {t('verifyProof')}: {t(PROOF_LABEL[check.proof])}
          {check.status !== 'invalid' && (
            <>
              {' · '}
              {t('verifySignedBy')}: <span class="address">{check.signer}</span>
            </>
          )}
        </p>
      )}
      {check.status !== 'invalid' && (
        <p class="muted">
          {view && view.schemas.length > 0
            ? t('verifySchemaNote', view.schemas.join(', '))
            : t('verifySchemaNone')}
        </p>
      )}
      {view?.description && <p>{view.description}</p>}
      {facts.length > 0 && (
        <>
          <h3>{t('verifyClaims')}</h3>
          <dl class="claims">
            {facts.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {view && (
        <>
          <h3>
            {t('verifyEvidence', formatNumber(view.evidence.length + view.evidenceHidden, locale))}
          </h3>
          {view.evidence.length === 0 ? (
            <p class="muted">{t('verifyNoEvidence')}</p>
          ) : (
            <ol class="evidence">
              {view.evidence.map((e, i) => (
                <li key={i}>
                  <strong>{e.name || e.genre || e.id}</strong>
                  {isProvenance(e.genre) && (
                    <span class="muted" data-provenance={e.genre}>
                      {' · '}
                      {t(PROVENANCE_KEYS[e.genre].label)}
                    </span>
                  )}
                  {e.description && <p>{e.description}</p>}
                  {e.narrative && <p class="narrative">{e.narrative}</p>}
                  {e.id && <p class="muted address">{e.id}</p>}
                </li>
              ))}
            </ol>
          )}
          {view.evidenceHidden > 0 && (
            <p class="muted">
              {t('verifyEvidenceHidden', formatNumber(view.evidenceHidden, locale))}
            </p>
          )}
        </>
      )}
      {check.status !== 'invalid' && check.endorsements.length > 0 && (
        <Endorsements items={check.endorsements} locale={locale} />
      )}
    </article>
  );
}

/** A credential's embedded endorsements: who (as they say), when, what, and whether it holds. */
function Endorsements({ items, locale }: { items: readonly EndorsementVerdict[]; locale: string }) {
  return (
    <>
      <h3>{t('skillEndorsements', formatNumber(items.length, locale))}</h3>
      <ol class="endorsements">
        {items.map((e, i) => (
          <li
            key={i}
            class={`endorsement is-${e.status}`}
            data-status={e.status}
            data-key={e.key ?? ''}
          >
            <strong dir="auto">{t('endorsedBy', e.issuerName)}</strong>
            {e.status === 'valid' ? (
              <p class="verdict ok">
                <span aria-hidden="true">✓ </span>
                {t('verifyEndorsementValid')}
              </p>
            ) : (
              <p class="verdict error">
                <span aria-hidden="true">✗ </span>
                {t((e.key && ENDORSEMENT_ERROR_MESSAGE[e.key]) ?? 'endorsementNotEndorsement')}
              </p>
            )}
            {e.issuerDescription && (
              <p class="muted" dir="auto">
                {e.issuerDescription}
              </p>
            )}
            {e.validFrom && (
              <p class="muted">{t('endorsementSigned', when(e.validFrom, locale))}</p>
            )}
            {e.comment && (
              <p class="narrative" dir="auto">
                {e.comment}
              </p>
            )}
            {e.issuerId && <p class="muted address">{e.issuerId}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}
