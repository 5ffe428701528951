/** The badges as JSON files: all of a period's in one document, or one alone for a wallet. */
import { BADGES_FORMAT, BADGES_VERSION, type BadgesDocument } from '../../credentials/badges-file';
import { exportFilename, type ExportFile } from '../file';
import type { SharedData } from '../privacy';
import type { IssuedBadge } from './issue';

/**
 * The badges as one JSON document: for each badge its JSON credential (Data Integrity
 * proof) and its VC-JWT, `skilltrail-2026-W48-badges.json`.
 * @example download(badgesJsonFile(shared, badges, keys.didKey.did));
 */
export function badgesJsonFile(
  shared: SharedData,
  badges: readonly IssuedBadge[],
  issuerId: string,
): ExportFile {
  const doc: BadgesDocument = {
    format: BADGES_FORMAT,
    version: BADGES_VERSION,
    issuer: issuerId,
    period: shared.summary.label,
    credentials: badges.flatMap((b) => [b.credential, b.jws]),
  };
  return {
    filename: exportFilename(shared.summary.label, 'badges', 'json'),
    mimeType: 'application/json',
    content: `${JSON.stringify(doc, null, 2)}\n`,
  };
}

/**
 * One badge alone, as the JSON credential with its proof: the file a wallet imports,
 * `skilltrail-2026-W48-badge-css.json`.
 * @example download(walletFile(shared, badges[0]));
 */
export function walletFile(shared: SharedData, badge: IssuedBadge): ExportFile {
  const skill = badge.credential.credentialSubject.achievement.name.toLowerCase();
  return {
    filename: exportFilename(shared.summary.label, `badge-${skill}`.slice(0, 60), 'json'),
    mimeType: 'application/json',
    content: `${JSON.stringify(badge.credential, null, 2)}\n`,
  };
}
