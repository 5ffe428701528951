/**
 * The learner's LRS settings, pure: what is stored becomes a complete, valid object, and
 * the parts the sync needs are derived here. The storage item is in `sync-settings.ts`.
 */
import { checkEndpoint, type LrsConfig } from './lrs-endpoint';

/** `kept`: only sessions the learner kept (captured, tagged, edited); `all`: every session not dismissed. */
export type SyncScope = 'kept' | 'all';

/** `account`: a pseudonymous id for this browser; `email`: the learner's email (mbox). */
export type ActorMode = 'account' | 'email';

export interface SyncSettings {
  /** Off until the learner turns it on (and grants access to the LRS's site). */
  enabled: boolean;
  /** The LRS's xAPI base URL. */
  endpoint: string;
  key: string;
  secret: string;
  actorMode: ActorMode;
  /** Empty: the name from the general settings. */
  actorName: string;
  /** Empty: the email from the general settings. */
  actorEmail: string;
  scope: SyncScope;
}

export const DEFAULT_SYNC_SETTINGS: Readonly<SyncSettings> = {
  enabled: false,
  endpoint: '',
  key: '',
  secret: '',
  actorMode: 'account',
  actorName: '',
  actorEmail: '',
  scope: 'kept',
};

function str(v: unknown, fallback: string, max: number): string {
  return typeof v === 'string' ? v.trim().slice(0, max) : fallback;
}

/**
 * A complete, valid `SyncSettings` from anything stored: unknown keys dropped, wrong types
 * replaced by defaults.
 * @example normaliseSyncSettings({ enabled: 'yes' }).enabled // false
 */
export function normaliseSyncSettings(raw: unknown): SyncSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SYNC_SETTINGS;
  return {
    enabled: typeof r.enabled === 'boolean' ? r.enabled : d.enabled,
    endpoint: str(r.endpoint, d.endpoint, 2000),
    key: str(r.key, d.key, 500),
    // A secret may legitimately start or end with spaces: keep it as typed.
    secret: typeof r.secret === 'string' ? r.secret.slice(0, 500) : d.secret,
    actorMode: r.actorMode === 'email' ? 'email' : 'account',
    actorName: str(r.actorName, d.actorName, 200),
    actorEmail: str(r.actorEmail, d.actorEmail, 320),
    scope: r.scope === 'all' ? 'all' : 'kept',
  };
}

/**
 * What the sync needs to reach the LRS, or `undefined` when sync is off or the endpoint
 * is unusable.
 * @example lrsConfig({ ...DEFAULT_SYNC_SETTINGS, enabled: true, endpoint: 'https://lrs.example.org/xAPI' })
 */
export function lrsConfig(settings: SyncSettings): LrsConfig | undefined {
  if (!settings.enabled) return undefined;
  const endpoint = checkEndpoint(settings.endpoint);
  if (!endpoint.ok) return undefined;
  return { endpoint: endpoint.url, key: settings.key, secret: settings.secret };
}

/**
 * The match pattern of the LRS's site, for the optional host permission: its scheme and
 * host, without a port. Firefox's match patterns have no port (one with a port is granted
 * but matches no address, so an LRS on `:8443` could never be reached there); without one,
 * both browsers match the host on any port.
 * @example originPattern('https://lrs.example.org:8443/xAPI') // 'https://lrs.example.org/*'
 */
export function originPattern(endpoint: string): string | undefined {
  const checked = checkEndpoint(endpoint);
  if (!checked.ok) return undefined;
  const { protocol, hostname } = new URL(checked.origin);
  return `${protocol}//${hostname}/*`;
}

/**
 * What an LRS receives, in the names of Firefox's data collection permissions: the pages
 * read (addresses, titles, times) and the queries searched.
 */
export const LRS_DATA_COLLECTION = ['browsingActivity', 'searchTerms'] as const;

/** A `permissions.request` / `contains` argument for reaching an LRS. */
export interface LrsPermissions {
  origins: string[];
  /** Firefox's data collection permissions; absent where the browser has none. */
  data_collection?: string[];
}

/** The part of our own manifest that says which data collection consent is optional (Firefox). */
interface DataCollectionManifest {
  browser_specific_settings?: {
    gecko?: { data_collection_permissions?: { optional?: readonly string[] } };
  };
}

/**
 * The permissions reaching the LRS at `endpoint` takes: its site, and, when statements go
 * there (`sending`), consent to that data leaving the browser, where the build's
 * `manifest` declares such consent optional (Firefox). Asking only for what the manifest
 * declares is the feature test: Chromium has no such permission and gets none.
 * `undefined` for an unusable endpoint.
 * @example lrsPermissions('https://lrs.example.org/xAPI', { sending: true, manifest: {} }) // { origins: ['https://lrs.example.org/*'] }
 */
export function lrsPermissions(
  endpoint: string,
  options: { sending: boolean; manifest: unknown },
): LrsPermissions | undefined {
  const pattern = originPattern(endpoint);
  if (!pattern) return undefined;
  const declared =
    (options.manifest as DataCollectionManifest).browser_specific_settings?.gecko
      ?.data_collection_permissions?.optional ?? [];
  const data = options.sending ? LRS_DATA_COLLECTION.filter((k) => declared.includes(k)) : [];
  return { origins: [pattern], ...(data.length > 0 ? { data_collection: data } : {}) };
}

/**
 * Whether a change of settings concerns what was already sent or how: statements must be
 * rebuilt (identity, scope) or a pause lifted (where and with what credentials).
 * @example syncSettingsChange(before, { ...before, key: 'new' }) // { reconnect: true, rebuild: false }
 */
export function syncSettingsChange(
  before: SyncSettings,
  after: SyncSettings,
): { reconnect: boolean; rebuild: boolean } {
  return {
    reconnect:
      before.endpoint !== after.endpoint ||
      before.key !== after.key ||
      before.secret !== after.secret ||
      (!before.enabled && after.enabled),
    rebuild:
      before.actorMode !== after.actorMode ||
      before.actorName !== after.actorName ||
      before.actorEmail !== after.actorEmail ||
      before.scope !== after.scope,
  };
}

/**
 * Whether a session in this status is sent under `scope`.
 * @example inScope('auto', 'kept') // false
 */
export function inScope(status: 'auto' | 'kept' | 'dismissed', scope: SyncScope): boolean {
  if (status === 'dismissed') return false;
  return scope === 'all' || status === 'kept';
}
