import { useId, useState } from 'preact/hooks';
import type { PrivacyLevel } from '@/lib/export/privacy';
import { formatDuration, formatNumber } from '@/lib/format';
import { checkPortfolioUrl, linkedInCertificationUrl } from '@/lib/portfolio/linkedin';
import { PRIVACY_LEVEL_KEYS } from '../i18n/export-strings';
import { t } from '../i18n/i18n';
import { PrivacyLevelChoice } from '../PrivacyLevelChoice';

/** A skill that can have a record: one with a recorded session. */
export interface PortfolioSkill {
  id: string;
  name: string;
  sessions: number;
  measuredMs: number;
}

/** A saved record, with what LinkedIn's link needs. */
export interface PortfolioRecordLink {
  skillId: string;
  skill: string;
  name: string;
  credentialId: string;
  validFrom: string;
}

export interface PortfolioPanelProps {
  skills: readonly PortfolioSkill[];
  defaultLevel: PrivacyLevel;
  learnerName: string;
  locale: string;
  /** Saves the page; answers its file name and records, or `null` when none had evidence. */
  onSave: (
    skillIds: string[],
    level: PrivacyLevel,
    from: number | undefined,
  ) => Promise<{ filename: string; records: PortfolioRecordLink[] } | null>;
}

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' | 'error'; text: string };

/**
 * "Save portfolio": the skills it holds, from when, at which privacy level, what leaves the
 * device, and then LinkedIn's "add certification" link for each record, opened only by
 * the learner's click.
 */
export function PortfolioPanel(props: PortfolioPanelProps) {
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(props.skills.map((s) => s.id)),
  );
  const [level, setLevel] = useState<PrivacyLevel>(props.defaultLevel);
  const [from, setFrom] = useState('');
  const [address, setAddress] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [saved, setSaved] = useState<PortfolioRecordLink[]>([]);
  const plural = new Intl.PluralRules(props.locale);
  const addressCheck = address.trim() ? checkPortfolioUrl(address) : undefined;

  const toggle = (skillId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(skillId);
    else next.delete(skillId);
    setChosen(next);
  };

  const save = async () => {
    const ids = props.skills.filter((s) => chosen.has(s.id)).map((s) => s.id);
    if (ids.length === 0) {
      setStatus({ kind: 'error', text: t('portfolioChooseOne') });
      return;
    }
    setStatus({ kind: 'busy' });
    try {
      const start = from ? new Date(`${from}T00:00:00`).getTime() : undefined;
      const result = await props.onSave(ids, level, Number.isFinite(start) ? start : undefined);
      if (!result) {
        setStatus({ kind: 'error', text: t('portfolioNothing') });
        return;
      }
      setSaved(result.records);
      setStatus({ kind: 'done', text: t('portfolioSaved', result.filename) });
    } catch (e) {
      setStatus({
        kind: 'error',
        text: t('portfolioFailed', e instanceof Error ? e.message : String(e)),
      });
    }
  };

  const busy = status.kind === 'busy';
  return (
    <div class="portfolio-panel">
      <p class="muted">{t('portfolioHelp')}</p>
      <fieldset class="portfolio-skills">
        <legend>{t('portfolioChooseSkills')}</legend>
        {props.skills.map((s) => (
          <div key={s.id} class="portfolio-skill">
            <input
              type="checkbox"
              id={`${id}-${s.id}`}
              data-portfolio-skill={s.id}
              checked={chosen.has(s.id)}
              onChange={(e) => toggle(s.id, (e.currentTarget as HTMLInputElement).checked)}
            />
            <label for={`${id}-${s.id}`}>
              <bdi>{s.name}</bdi>{' '}
              <span class="muted">
                {t('portfolioSkillFacts', [
                  t(
                    plural.select(s.sessions) === 'one' ? 'countSessionsOne' : 'countSessionsOther',
                    formatNumber(s.sessions, props.locale),
                  ),
                  formatDuration(s.measuredMs, props.locale),
                ])}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <div class="field">
        <label for={`${id}-from`}>{t('portfolioFrom')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <PrivacyLevelChoice level={level} onChange={setLevel} />
      <p class="muted" data-portfolio-preview>
        {t('portfolioPreview', [
          formatNumber(chosen.size, props.locale),
          t(PRIVACY_LEVEL_KEYS[level].shares),
        ])}
      </p>
      <div class="button-row">
        <button
          type="button"
          data-portfolio-save
          disabled={busy}
          aria-busy={busy}
          onClick={() => void save()}
        >
          {busy ? t('portfolioSaving') : t('portfolioSave')}
        </button>
      </div>
      <p
        role="status"
        class={status.kind === 'error' ? 'status error' : 'status'}
        data-portfolio-status={status.kind}
      >
        {status.kind === 'done' || status.kind === 'error' ? status.text : ''}
      </p>
      {saved.length > 0 && (
        <section class="linkedin" aria-labelledby={`${id}-linkedin`}>
          <h3 id={`${id}-linkedin`}>{t('linkedInHeading')}</h3>
          <p class="muted">{t('linkedInSelfIssued')}</p>
          <div class="field">
            <label for={`${id}-address`}>{t('portfolioAddress')}</label>
            <input
              id={`${id}-address`}
              type="url"
              inputMode="url"
              value={address}
              aria-invalid={addressCheck && !addressCheck.ok ? 'true' : undefined}
              aria-describedby={`${id}-address-error`}
              onInput={(e) => setAddress((e.currentTarget as HTMLInputElement).value)}
            />
            <p id={`${id}-address-error`} class="error">
              {addressCheck && !addressCheck.ok ? t('portfolioAddressBad') : ''}
            </p>
          </div>
          <ul>
            {saved.map((r) => (
              <li key={r.credentialId}>
                <a
                  href={linkedInCertificationUrl({
                    name: r.name,
                    organizationName: t('linkedInIssuer', props.learnerName || r.skill),
                    issuedAt: r.validFrom,
                    credentialId: r.credentialId,
                    ...(addressCheck?.ok ? { portfolioUrl: addressCheck.url } : {}),
                  })}
                  target="_blank"
                  rel="noopener noreferrer"
                  data-linkedin={r.skillId}
                >
                  {t('linkedInAdd', r.skill)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
