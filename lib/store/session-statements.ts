/**
 * The glue between the exporter and the outbox: the statements of some sessions, built by
 * `lib/export/xapi/` exactly as a file export builds them (same ids, same privacy
 * redaction), with the identity the learner chose for the LRS.
 */
import type { SkilltrailDb } from './db';
import { getOrCreateInstallId } from './install-id';
import { redactSessions, shareSkills } from '../export/privacy';
import { buildSessionStatements } from '../export/xapi/session-statements';
import type { XapiActorOptions } from '../export/xapi/actor';
import type { Session } from '../model';
import type { Settings } from '../settings/settings';
import { queueChangedSessions, type ChangeScanResult } from './outbox-changes';
import type { SyncSettings } from '../sync/sync-config';
import type { XapiStatement } from '../export/xapi/statement';

/** What the statements depend on besides the sessions themselves. */
export type StatementSettings = Pick<
  Settings,
  | 'exportPrivacy'
  | 'learnerName'
  | 'learnerEmail'
  | 'weekStart'
  | 'continueWithinMs'
  | 'searchGapMs'
>;

/**
 * The LRS actor: the sync's own name and email when set, else the general settings'.
 * @example syncActor({ ...syncSettings, actorMode: 'email' }, settings, installId).useEmail // true
 */
export function syncActor(
  sync: Pick<SyncSettings, 'actorMode' | 'actorName' | 'actorEmail'>,
  settings: Pick<Settings, 'learnerName' | 'learnerEmail'>,
  installId: string,
): XapiActorOptions {
  return {
    installId,
    name: sync.actorName || settings.learnerName,
    email: sync.actorEmail || settings.learnerEmail,
    useEmail: sync.actorMode === 'email',
  };
}

/**
 * The statements of `sessions`, keyed by session id, at the learner's export privacy
 * level. At `totals` nothing is shared per session, so the map is empty.
 * @example const bySession = await statementsForSessions(db, sessions, syncSettings, settings);
 */
export async function statementsForSessions(
  db: SkilltrailDb,
  sessions: readonly Session[],
  sync: SyncSettings,
  settings: StatementSettings,
  timeZone?: string,
): Promise<Map<string, XapiStatement[]>> {
  if (sessions.length === 0) return new Map();
  const ids = sessions.map((s) => s.id);
  // Equality lookups in parallel rather than anyOf(): see queueSessions.
  const [visits, searches, skills, installId] = await Promise.all([
    Promise.all(ids.map((id) => db.visits.where('sessionId').equals(id).toArray())),
    Promise.all(ids.map((id) => db.searches.where('sessionId').equals(id).toArray())),
    db.skills.toArray(),
    getOrCreateInstallId(db),
  ]);
  const data = { visits: visits.flat(), searches: searches.flat(), skills };
  const shared = redactSessions(data, sessions, settings.exportPrivacy);
  return buildSessionStatements(shared, shareSkills(skills), {
    actor: syncActor(sync, settings, installId),
    level: settings.exportPrivacy,
    weekStart: settings.weekStart,
    ...(timeZone ? { timeZone } : {}),
  });
}

/**
 * Queues the statements of every session changed since the last run (see
 * `queueChangedSessions`), built by the exporter. A session counts as settled once the
 * tracker could no longer extend it (the longer of the reading and search gaps).
 * @example await queueSessionChanges(db(), await loadSyncSettings(), await loadSettings(), Date.now())
 */
export async function queueSessionChanges(
  db: SkilltrailDb,
  sync: SyncSettings,
  settings: StatementSettings,
  now: number,
  timeZone?: string,
): Promise<ChangeScanResult> {
  return queueChangedSessions(db, now, {
    scope: sync.scope,
    settledAfterMs: Math.max(settings.continueWithinMs, settings.searchGapMs),
    build: (sessions) => statementsForSessions(db, sessions, sync, settings, timeZone),
  });
}
