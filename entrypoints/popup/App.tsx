import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLocale, type MessageKey } from '../../components/i18n/i18n';
import { FollowUpPrompt } from '../../components/FollowUpPrompt';
import { NeverRecordSite } from '../../components/popup/NeverRecordSite';
import { PauseControls } from '../../components/PauseControls';
import { SessionEditor } from '../../components/SessionEditor';
import { SuggestedSkills } from '../../components/popup/SuggestedSkills';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import { useSettings } from '../../components/hooks/use-settings';
import { db } from '../../lib/store/records';
import { readingMinutes } from '../../lib/format';
import type { CaptureBlockReason } from '../../lib/messages';
import type { Capture, Search, Session, Skill, Visit } from '../../lib/model';
import { loadCapturedSession, tagSession } from '../../lib/store/sessions';
import { captureHeld, type Settings } from '../../lib/settings/settings';
import { suggestForSession } from '../../lib/store/suggestion-history';
import { answerFollowUp, dismissFollowUp, loadDueFollowUp } from '../../lib/store/follow-ups';
import { neverRecordSite } from './never-record';
import { captureOf, type Opening, type Phase, type PopupTab } from './opening';
import { ensureSkill } from '../../lib/store/skills';

const BLOCKED_MESSAGES: Record<CaptureBlockReason, MessageKey> = {
  'browser-page': 'blockedBrowserPage',
  'store-page': 'blockedStorePage',
  'file-access': 'blockedFileAccess',
  'extension-page': 'blockedExtensionPage',
  incognito: 'blockedIncognito',
  excluded: 'blockedExcluded',
  'no-tab': 'blockedNoTab',
  'kept-for-later': 'blockedKeptForLater',
  failed: 'blockedFailed',
};

/**
 * The toolbar popup: captures the active tab at once (`opening`, started before the first
 * render), then lets the learner tag it.
 */
export function App({ opening }: { opening: Promise<Opening> }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'capturing' });
  const [settings, saveSettings] = useSettings();
  // The site "Never record this site" would exclude.
  const [site, setSite] = useState<string | null>(null);
  // The follow-up reads a month of sessions: it waits until the capture is on screen (or
  // none will be), so that it never delays the capture or the skill field.
  const [captureSettled, setCaptureSettled] = useState(false);

  const capture = async (tab: PopupTab) => {
    setPhase({ kind: 'capturing' });
    setPhase(await captureOf(tab.id));
  };
  const settleCapture = useCallback(() => setCaptureSettled(true), []);

  // A layout effect: it runs before the first paint, where an effect would wait a frame.
  // `opening` is started once, before the first render: this runs once.
  useLayoutEffect(() => {
    void opening.then(
      (opened) => {
        setSite(opened.site);
        setPhase(opened.phase);
      },
      () => setPhase({ kind: 'blocked', reason: 'failed' }),
    );
  }, [opening]);

  useEffect(() => {
    if (phase.kind === 'blocked' || phase.kind === 'paused') setCaptureSettled(true);
  }, [phase.kind]);

  // Resuming from the popup captures the page, as opening it unpaused would have; so does a
  // pause that ended while the popup opened.
  const pausedTab = phase.kind === 'paused' ? phase.tab : null;
  useEffect(() => {
    if (pausedTab && settings && !captureHeld(settings, Date.now())) void capture(pausedTab);
  }, [pausedTab, settings]);

  return (
    <div data-phase={phase.kind}>
      {settings && <PauseControls compact settings={settings} onChange={saveSettings} />}
      {phase.kind === 'capturing' && <p role="status">{t('popupCapturing')}</p>}
      {phase.kind === 'paused' && (
        <p>
          {t('popupPausedNotCaptured')}{' '}
          <button type="button" onClick={() => void capture(phase.tab)}>
            {t('popupCaptureAnyway')}
          </button>
        </p>
      )}
      {phase.kind === 'blocked' && <p role="status">{t(BLOCKED_MESSAGES[phase.reason])}</p>}
      {phase.kind === 'ready' && <CapturedSession stored={phase} onShown={settleCapture} />}
      {settings && captureSettled && <PopupFollowUp settings={settings} />}
      {site && (
        <NeverRecordSite
          site={site}
          onConfirm={(alsoDelete) => neverRecordSite(site, alsoDelete)}
          onDone={(deleted) => deleted && setPhase({ kind: 'blocked', reason: 'excluded' })}
        />
      )}
      <div class="footer">
        <a href={browser.runtime.getURL('/dashboard.html')} target="_blank" rel="noopener">
          {t('openDashboard')}
        </a>
        <a
          href={browser.runtime.getURL('/dashboard.html#/add')}
          target="_blank"
          rel="noopener"
          data-action="add-learning"
        >
          {t('popupAddLearning')}
        </a>
      </div>
    </div>
  );
}

/** The follow-up due today, if any, under the captured page. */
function PopupFollowUp({ settings }: { settings: Settings }) {
  const { followUpsEnabled, followUpDays } = settings;
  const due = useLiveQuery(
    () => loadDueFollowUp(db(), { followUpsEnabled, followUpDays }, Date.now()),
    [followUpsEnabled, followUpDays],
  );
  return (
    <FollowUpPrompt
      due={due}
      locale={uiLocale()}
      onAnswer={async (answer) =>
        !!due && (await answerFollowUp(db(), due, answer, Date.now())) !== null
      }
      onDismiss={async () => !!due && (await dismissFollowUp(db(), due, Date.now())) !== null}
    />
  );
}

/** Three skills to suggest for a session, ranked now. */
function loadSuggestions(sessionId: string) {
  return suggestForSession(db(), sessionId, Date.now(), 3);
}

/** What the popup shows of a captured session. */
interface ShownSession {
  session?: Session;
  capture?: Capture;
  skills: Skill[];
  /** Read for a search session's queries and pages; unknown until the popup reads them. */
  searches?: Search[];
  visits?: Visit[];
}

function CapturedSession({
  stored,
  onShown,
}: {
  /** The capture as stored, shown at once; the popup's own query of it then keeps it current. */
  stored: { session: Session; capture: Capture; skills: Skill[] };
  /** Called once the capture and the skill field are on screen (the same function each render). */
  onShown: () => void;
}) {
  const sessionId = stored.session.id;
  const captureId = stored.capture.id;
  const live = useLiveQuery(
    (): Promise<ShownSession> => loadCapturedSession(db(), sessionId, captureId),
    [sessionId, captureId],
  );
  useEffect(() => onShown(), [onShown]);

  const { session, capture, skills, searches = [], visits = [] }: ShownSession = live ?? stored;
  if (!session || !capture) return <p role="status">{t('blockedFailed')}</p>;
  const minutes = readingMinutes(capture.wordCount);
  const locale = uiLocale();

  return (
    <article>
      <h1 class="page-title" dir="auto">
        {capture.title}
      </h1>
      <p class="meta muted">
        {[
          capture.siteName,
          capture.byline,
          minutes > 0 ? t('popupReadingTime', new Intl.NumberFormat(locale).format(minutes)) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {capture.excerpt && (
        <p class="excerpt" dir="auto">
          {capture.excerpt}
        </p>
      )}
      {session.kind === 'search' && (
        <div class="session-detail">
          <strong>{t('kindSearch')}</strong>
          {searches.length > 0 && (
            <>
              <span class="muted"> — {t('sessionQueries')}</span>
              <ul>
                {searches.map((s) => (
                  <li key={s.id}>{s.query}</li>
                ))}
              </ul>
            </>
          )}
          {visits.length > 0 && (
            <>
              <span class="muted">{t('sessionPages')}</span>
              <ul>
                {visits.map((v) => (
                  <li key={v.id}>{v.title || v.domain}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <SessionEditor
        skills={skills}
        initialSkills={session.skills}
        initialNote={session.note}
        onCreateSkill={(name) => ensureSkill(db(), name, Date.now())}
        onSave={async (ids, note, _title, opened) => {
          await tagSession(db(), sessionId, { skills: ids, note, opened, now: Date.now() });
        }}
        suggestions={(add, selected) => (
          <SuggestedSkills
            sessionId={sessionId}
            load={loadSuggestions}
            selected={selected}
            onAdd={add}
          />
        )}
      />
    </article>
  );
}
