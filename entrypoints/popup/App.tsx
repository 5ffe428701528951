import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLocale, type MessageKey } from '../../components/i18n/i18n';
import { FollowUpPrompt } from '../../components/FollowUpPrompt';
import { NeverRecordSite } from '../../components/NeverRecordSite';
import { PauseControls } from '../../components/PauseControls';
import { SessionEditor } from '../../components/SessionEditor';
import { SuggestedSkills } from '../../components/SuggestedSkills';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import { useSettings } from '../../components/hooks/use-settings';
import { captureBlockReason } from '../../lib/capture/extract';
import { db } from '../../lib/store/db';
import { readingMinutes } from '../../lib/format';
import { sendRequest, type CaptureBlockReason, type CaptureResult } from '../../lib/messages';
import { tagSession } from '../../lib/store/sessions';
import { captureHeld, type Settings } from '../../lib/settings/settings';
import { loadSettings } from '../../lib/settings/store';
import { ensureSkill } from '../../lib/skills/names';
import { suggestForSession } from '../../lib/suggest/history';
import { answerFollowUp, dismissFollowUp, loadDueFollowUp } from '../../lib/followup/record';
import { domainOf } from '../../lib/url';
import { neverRecordSite } from './never-record';

type Phase =
  | { kind: 'capturing' }
  /** Paused: opening the popup (perhaps only to resume) records nothing by itself. */
  | { kind: 'paused'; tab: PopupTab }
  | { kind: 'blocked'; reason: CaptureBlockReason }
  | { kind: 'ready'; sessionId: string; captureId: string };

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

/** The parts of the active tab the popup needs. */
type PopupTab = { id: number; url?: string; incognito: boolean };

/** The toolbar popup: captures the active tab at once, then lets the learner tag it. */
export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'capturing' });
  const [settings, saveSettings] = useSettings();
  // The site "Never record this site" would exclude: web pages outside private windows only.
  const [site, setSite] = useState<string | null>(null);
  // The follow-up reads a month of sessions: it waits until the capture is on screen (or
  // none will be), so that it never delays the capture or the skill field.
  const [captureSettled, setCaptureSettled] = useState(false);

  const capture = async (tab: PopupTab) => {
    setPhase({ kind: 'capturing' });
    const result = await sendRequest(browser.runtime, 'capture-tab', { tabId: tab.id }).catch(
      (): CaptureResult => ({ ok: false, reason: 'failed' }),
    );
    setPhase(
      result.ok
        ? { kind: 'ready', sessionId: result.sessionId, captureId: result.captureId }
        : { kind: 'blocked', reason: result.reason },
    );
  };

  useEffect(() => {
    // The database opens while the capture is stored, ready to read it.
    db()
      .open()
      .catch(() => {});
    void (async () => {
      const [[tab], current] = await Promise.all([
        browser.tabs.query({ active: true, currentWindow: true }),
        loadSettings(),
      ]);
      if (tab?.id === undefined) return setPhase({ kind: 'blocked', reason: 'no-tab' });
      const popupTab = { id: tab.id, url: tab.url, incognito: tab.incognito };
      if (!captureBlockReason(tab.url, tab.incognito, current.excludedSites))
        setSite(domainOf(tab.url));
      if (captureHeld(current, Date.now())) return setPhase({ kind: 'paused', tab: popupTab });
      await capture(popupTab);
    })();
  }, []);

  useEffect(() => {
    if (phase.kind === 'blocked' || phase.kind === 'paused') setCaptureSettled(true);
  }, [phase.kind]);

  // Resuming from the popup captures the page, as opening it unpaused would have.
  useEffect(() => {
    if (phase.kind === 'paused' && settings && !captureHeld(settings, Date.now()))
      void capture(phase.tab);
  }, [settings]);

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
      {phase.kind === 'ready' && (
        <CapturedSession
          sessionId={phase.sessionId}
          captureId={phase.captureId}
          onShown={() => setCaptureSettled(true)}
        />
      )}
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
      </div>
    </div>
  );
}

/** The follow-up due today, if any, under the captured page. */
function PopupFollowUp({ settings }: { settings: Settings }) {
  const due = useLiveQuery(
    () => loadDueFollowUp(db(), settings, Date.now()),
    [settings.followUpsEnabled, settings.followUpDays],
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

function CapturedSession({
  sessionId,
  captureId,
  onShown,
}: {
  sessionId: string;
  captureId: string;
  /** Called once the capture and the skill field are on screen. */
  onShown: () => void;
}) {
  const data = useLiveQuery(async () => {
    const database = db();
    const [session, capture, skills, searches, visits] = await Promise.all([
      database.sessions.get(sessionId),
      database.captures.get(captureId),
      // Read whole and sorted here: a reversed index walk is a cursor step per skill.
      database.skills.toArray().then((all) => all.sort((a, b) => b.updatedAt - a.updatedAt)),
      database.searches.where('sessionId').equals(sessionId).sortBy('at'),
      database.visits.where('sessionId').equals(sessionId).sortBy('startedAt'),
    ]);
    return { session, capture, skills, searches, visits };
  }, [sessionId, captureId]);
  useEffect(() => {
    if (data) onShown();
  }, [!data]);

  if (!data) return <p role="status">{t('loading')}</p>;
  const { session, capture, skills, searches, visits } = data;
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
        onSave={async (ids, note) => {
          await tagSession(db(), sessionId, { skills: ids, note, now: Date.now() });
        }}
        suggestions={(add, selected) => (
          <SuggestedSkills
            sessionId={sessionId}
            load={(id) => suggestForSession(db(), id, Date.now(), 3)}
            selected={selected}
            onAdd={add}
          />
        )}
      />
    </article>
  );
}
