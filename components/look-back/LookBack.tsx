import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { buildSuggestionIndex } from '../../lib/suggest/skill-index';
import { suggest } from '../../lib/suggest/rank';
import { candidatesByDay, type CandidateDay } from '../../lib/look-back/by-day';
import type { LookBackCandidate } from '../../lib/look-back/group';
import { knownVisits } from '../../lib/look-back/known';
import {
  LOOK_BACK_WEEKS,
  lookBack,
  WEEK_MS,
  type LookBackWeeks,
} from '../../lib/look-back/look-back';
import type { KnownSpan } from '../../lib/look-back/known';
import type { Skill } from '../../lib/model';
import type { Settings } from '../../lib/settings/settings';
import type { SuggestionHistory } from '../../lib/suggest/skill-index';
import { t } from '../i18n/i18n';
import { browserHistory, holdsHistory, releaseHistory, requestHistory } from './history-permission';
import { LookBackReview } from './LookBackReview';
import './look-back.css';

type Phase =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'refused' }
  | { kind: 'reading'; done: number; total: number }
  | { kind: 'cancelled' }
  | { kind: 'failed' }
  | { kind: 'found'; days: CandidateDay[] };

/**
 * Gives the page a turn between slices of the look back's work: a task boundary, where the
 * browser paints when a frame is due and handles input. Not a wait for the next frame: on
 * a busy machine frames come late, and the look back would wait for each.
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * "Look back": finds learning in the browser's history from the last 1, 4 or 12 weeks.
 * The `history` permission is asked for at the click and given back when the look back
 * ends (unless the learner keeps it, or held it before); refused, nothing changes. Nothing
 * is read before the click, and nothing is stored until the learner keeps it.
 */
export interface LookBackProps {
  settings: Settings;
  skills: readonly Skill[];
  /** What the record holds from `start` to `end`, and the tagged history suggestions learn from. */
  read: (start: number, end: number) => Promise<{ spans: KnownSpan[]; history: SuggestionHistory }>;
  /** Stores a kept candidate, from history, with its skills. */
  keep: (candidate: LookBackCandidate, skills: readonly string[]) => Promise<unknown>;
  createSkill: (name: string) => Promise<Skill>;
}

export function LookBack({ settings, skills, read, keep, createSkill }: LookBackProps) {
  const id = useId();
  const [weeks, setWeeks] = useState<LookBackWeeks>(4);
  const [keepPermission, setKeepPermission] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  // Whether the learner granted `history` before this page asked: then it is theirs to keep.
  const heldBefore = useRef(false);
  const cancel = useRef<AbortController | null>(null);
  const index = useRef<ReturnType<typeof buildSuggestionIndex> | null>(null);

  useEffect(() => {
    void holdsHistory().then((held) => {
      heldBefore.current = held;
      setKeepPermission((keep) => keep || held);
    });
  }, []);

  const run = async () => {
    const controller = new AbortController();
    cancel.current = controller;
    setPhase({ kind: 'reading', done: 0, total: 0 });
    const now = Date.now();
    try {
      const { spans, history } = await read(now - weeks * WEEK_MS, now);
      index.current = buildSuggestionIndex(history);
      const result = await lookBack({
        history: browserHistory(),
        now,
        weeks,
        settings,
        known: knownVisits(spans),
        learningSites: new Set(history.sessions.map((s) => s.domain)),
        clock: () => performance.now(),
        pause: yieldToPage,
        onProgress: (done, total) => setPhase({ kind: 'reading', done, total }),
        signal: controller.signal,
      });
      const days = candidatesByDay(result.candidates);
      // The list is built in a task of its own.
      await yieldToPage();
      setPhase({ kind: 'found', days });
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') setPhase({ kind: 'cancelled' });
      else {
        console.error('Skilltrail could not look back through the history', error);
        setPhase({ kind: 'failed' });
      }
    } finally {
      cancel.current = null;
      if (!keepPermission && !heldBefore.current) await releaseHistory();
      heldBefore.current = keepPermission || heldBefore.current;
    }
  };

  const start = () => {
    // Browsers grant permissions only during the click itself: ask before any await. The
    // browser's question may wait for an answer; the page says what it waits for.
    setPhase({ kind: 'asking' });
    void requestHistory().then((granted) => {
      if (!granted) setPhase({ kind: 'refused' });
      else void run();
    });
  };

  // The same function on every render: the review list keeps one loader per candidate.
  const suggestFor = useCallback(
    async (c: LookBackCandidate) =>
      index.current
        ? suggest(
            index.current,
            {
              url: c.url,
              domain: c.domain,
              title: c.title,
              queries: c.queries.map((q) => q.query),
              ...(c.engine ? { engine: c.engine } : {}),
            },
            Date.now(),
            3,
          )
        : [],
    [],
  );

  const busy = phase.kind === 'reading' || phase.kind === 'asking';
  return (
    <section aria-labelledby={`${id}-heading`} class="look-back">
      <h2 id={`${id}-heading`}>{t('lookBackHeading')}</h2>
      <p>{t('lookBackLead')}</p>
      <p class="muted">{t('lookBackPermissionHelp')}</p>
      <fieldset disabled={busy}>
        <legend>{t('lookBackWeeksLegend')}</legend>
        {LOOK_BACK_WEEKS.map((w) => (
          <div class="toggle" key={w}>
            <input
              type="radio"
              id={`${id}-weeks-${w}`}
              name={`${id}-weeks`}
              checked={weeks === w}
              onChange={() => setWeeks(w)}
            />
            <label for={`${id}-weeks-${w}`}>{t('lookBackWeeksOption', w)}</label>
          </div>
        ))}
        <div class="toggle">
          <input
            type="checkbox"
            id={`${id}-keep`}
            checked={keepPermission}
            aria-describedby={`${id}-keep-help`}
            onChange={(e) => setKeepPermission((e.target as HTMLInputElement).checked)}
          />
          <label for={`${id}-keep`}>{t('lookBackKeepPermission')}</label>
          <p id={`${id}-keep-help`} class="muted hint">
            {t('lookBackKeepPermissionHelp')}
          </p>
        </div>
      </fieldset>
      <p>
        <button type="button" class="primary" disabled={busy} onClick={start}>
          {t('lookBackStart', weeks)}
        </button>
      </p>
      <div aria-live="polite">
        {phase.kind === 'asking' && <p>{t('lookBackAsking')}</p>}
        {phase.kind === 'refused' && <p class="error">{t('lookBackRefused')}</p>}
        {phase.kind === 'cancelled' && <p>{t('lookBackCancelled')}</p>}
        {phase.kind === 'failed' && <p class="error">{t('lookBackFailed')}</p>}
      </div>
      {phase.kind === 'reading' && (
        <p class="look-back-progress">
          <label for={`${id}-progress`}>{t('lookBackReading')}</label>{' '}
          <progress id={`${id}-progress`} max={Math.max(1, phase.total)} value={phase.done} />{' '}
          <button type="button" onClick={() => cancel.current?.abort()}>
            {t('cancel')}
          </button>
        </p>
      )}
      {phase.kind === 'found' && (
        <LookBackReview
          days={phase.days}
          skills={skills}
          suggest={suggestFor}
          onCreateSkill={createSkill}
          onKeep={keep}
        />
      )}
    </section>
  );
}
