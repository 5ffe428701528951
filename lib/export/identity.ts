/**
 * Who the learner is in exports: the installation's pseudonymous id (`lib/store/install-id.ts`),
 * plus what the learner chose to add (a name, an email). The id is not derived from anything about
 * the learner, so it links their own records to each other and to nothing else.
 */
import type { Settings } from '../settings/settings';
import type { XapiActorOptions } from './xapi/actor';

/**
 * The xAPI actor options from the learner's settings.
 * @example const actor = actorFromSettings(settings, await getOrCreateInstallId(db()));
 */
export function actorFromSettings(
  settings: Pick<Settings, 'learnerName' | 'learnerEmail' | 'useEmailInExports'>,
  installId: string,
): XapiActorOptions {
  return {
    installId,
    name: settings.learnerName,
    email: settings.learnerEmail,
    useEmail: settings.useEmailInExports,
  };
}
