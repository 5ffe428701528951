import { useEffect, useId, useState } from 'preact/hooks';
import type { DueFollowUp } from '../lib/followup/schedule';
import { checkAnswer, type FollowUpAnswer } from '../lib/followup/answer';
import { formatDay } from '../lib/format';
import './controls.css';
import { t, type MessageKey } from './i18n/i18n';
import { LEARNING_KIND_KEYS } from './i18n/learning-kind-strings';

export interface FollowUpPromptProps {
  /** The follow-up due now; `null` when none. */
  due: DueFollowUp | null | undefined;
  locale: string;
  /** Saves the answer; `false` when another page answered or dismissed it first. */
  onAnswer: (answer: FollowUpAnswer) => Promise<boolean>;
  /** Records the dismissal; `false` when another page answered or dismissed it first. */
  onDismiss: () => Promise<boolean>;
}

type Outcome = 'saved' | 'dismissed' | 'taken';

const OUTCOME_TEXT: Record<Outcome, MessageKey> = {
  saved: 'followUpSaved',
  dismissed: 'followUpDismissed',
  taken: 'followUpTaken',
};

/**
 * "What do you still remember about …?" and "Where did you use it?", some days after a
 * skill's sessions; a stated activity among them is named by its kind and what was learned. Answering or dismissing is one click; afterwards the prompt says what
 * happened and stays put until the page closes.
 */
export function FollowUpPrompt({ due, locale, onAnswer, onDismiss }: FollowUpPromptProps) {
  const id = useId();
  const [current, setCurrent] = useState(due);
  const [answer, setAnswer] = useState<FollowUpAnswer>({ recall: '', application: '', link: '' });
  const [error, setError] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  // A new prompt replaces the shown one only while nothing was done with it.
  useEffect(() => {
    if (!outcome && !busy && due !== undefined) setCurrent(due);
  }, [due, outcome, busy]);

  if (!current) return null;
  const heading = `${id}-heading`;
  if (outcome) {
    return (
      <section class="follow-up" aria-labelledby={heading}>
        <h2 id={heading}>{t('followUpHeading', current.skillName)}</h2>
        <p role="status">{t(OUTCOME_TEXT[outcome])}</p>
      </section>
    );
  }

  const run = async (work: () => Promise<Outcome>) => {
    setBusy(true);
    try {
      setOutcome(await work());
    } catch (e) {
      console.error('Skilltrail could not save a follow-up', e);
      setError(t('followUpFailed'));
    } finally {
      setBusy(false);
    }
  };
  const save = (e: Event) => {
    e.preventDefault();
    const check = checkAnswer(answer);
    if (!check.ok)
      return setError(t(check.reason === 'empty' ? 'followUpEmpty' : 'followUpBadLink'));
    setError('');
    void run(async () => ((await onAnswer(answer)) ? 'saved' : 'taken'));
  };
  const field = (key: keyof FollowUpAnswer) => ({
    id: `${id}-${key}`,
    value: answer[key],
    disabled: busy,
    onInput: (e: Event) =>
      setAnswer({ ...answer, [key]: (e.currentTarget as HTMLInputElement).value }),
  });

  return (
    <section class="follow-up" aria-labelledby={heading} data-follow-up={current.skillId}>
      <h2 id={heading}>{t('followUpHeading', current.skillName)}</h2>
      {current.onScreen && (
        <p class="muted">
          {t('followUpIntro', [
            t(
              new Intl.PluralRules(locale).select(current.onScreen.count) === 'one'
                ? 'countSessionsOne'
                : 'countSessionsOther',
              current.onScreen.count,
            ),
            formatDay(current.onScreen.since, locale),
          ])}
        </p>
      )}
      {current.stated.length > 0 && (
        <>
          <p class="muted">{t('followUpStatedIntro')}</p>
          <ul class="follow-up-stated">
            {current.stated.map((a) => (
              <li key={a.sessionId} data-stated-activity={a.sessionId}>
                {t('followUpStatedItem', [
                  t(LEARNING_KIND_KEYS[a.learningKind].name),
                  formatDay(a.at, locale),
                  a.learned,
                ])}
              </li>
            ))}
          </ul>
        </>
      )}
      <form onSubmit={save} noValidate>
        <label for={`${id}-recall`}>{t('followUpRecallQuestion', current.skillName)}</label>
        <textarea rows={3} maxLength={10_000} {...field('recall')} />
        <label for={`${id}-application`}>{t('followUpApplicationQuestion')}</label>
        <input type="text" maxLength={10_000} {...field('application')} />
        <label for={`${id}-link`}>{t('followUpLinkLabel')}</label>
        <input type="url" inputMode="url" aria-describedby={`${id}-link-hint`} {...field('link')} />
        <p id={`${id}-link-hint`} class="muted hint">
          {t('followUpLinkHint')}
        </p>
        <p class="error" role="alert">
          {error}
        </p>
        <div class="row">
          <button type="submit" disabled={busy}>
            {t('followUpSave')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(async () => ((await onDismiss()) ? 'dismissed' : 'taken'))}
          >
            {t('followUpDismiss')}
          </button>
        </div>
      </form>
    </section>
  );
}
