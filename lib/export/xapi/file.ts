/** The xAPI file: a statement array, each file below `full` under an account of its own. */
import { newId } from '../../ids';
import { exportFilename, type ExportFile } from '../file';
import { nameUuid, UUID_NAMESPACE } from '../iri';
import type { SharedData } from '../privacy';
import type { XapiActorOptions } from './actor';
import { buildXapiStatements } from './statements';

/**
 * The shared data as an xAPI statement array file (`skilltrail-2026-W48-xapi.json`),
 * ready to POST to an LRS's `/statements` resource.
 * @example
 * const shared = prepareExport(data, { ...week, timeZone, weekStart, level: 'full' });
 * const file = await exportWeekAsXapi(shared, { installId, name: settings.learnerName });
 */
export async function exportWeekAsXapi(
  shared: SharedData,
  actor: XapiActorOptions,
  makeId: () => string = newId,
): Promise<ExportFile> {
  // Below `full`, each file names a new account and gets its own statement ids: two files
  // given to different people share nothing that links them (the learner's own name or
  // email, if they chose to add one, excepted).
  const full = shared.level === 'full';
  const fileId = full ? '' : makeId();
  const built = await buildXapiStatements(shared, full ? actor : { ...actor, installId: fileId });
  const statements = full
    ? built
    : await Promise.all(
        built.map(async (s) => ({
          ...s,
          id: await nameUuid(UUID_NAMESPACE.xapi, `${s.id}|${fileId}`),
        })),
      );
  return {
    filename: exportFilename(shared.summary.label, 'xapi', 'json'),
    mimeType: 'application/json',
    content: `${JSON.stringify(statements, null, 2)}\n`,
  };
}
