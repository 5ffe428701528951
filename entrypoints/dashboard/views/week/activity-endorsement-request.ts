import { downloadFile } from '../../../../components/download-file';
import { requestPageStrings } from '../../../../components/i18n/endorsement-request-strings';
import {
  activityClaimStrings,
  badgeStrings,
  sessionLabelStrings,
} from '../../../../components/i18n/export-strings';
import { requestPageFilename } from '../../../../lib/endorsement-request/files';
import { requestPageHtml } from '../../../../lib/endorsement-request/page-html';
import { prepareExport, type PrivacyLevel } from '../../../../lib/export/privacy';
import type { Settings } from '../../../../lib/settings/settings';
import { addDays, localDate, startOfLocalDay } from '../../../../lib/time';
import { db } from '../../../../lib/store/records';
import { activityToEndorse } from '../../../../lib/store/endorsements';
import { didKeyStore } from '../../../../lib/store/keys';

/**
 * Saves the endorsement request page for one stated activity: the learner's signed claim of
 * that activity alone at `level`, in the page the learner sends. Answers the file name, or
 * `null` when the activity is gone or not a stated one. The JSON-LD stack and the page's
 * script load only here.
 */
export async function saveActivityEndorsementRequest(
  sessionId: string,
  level: PrivacyLevel,
  settings: Pick<Settings, 'weekStart' | 'learnerName'>,
  locale: string,
): Promise<string | null> {
  const now = Date.now();
  const database = db();
  const found = await activityToEndorse(database, sessionId);
  if (!found) return null;
  const { session, skills } = found;
  const start = startOfLocalDay(localDate(session.startedAt));
  const end = startOfLocalDay(addDays(localDate(session.startedAt), 1));
  const shared = prepareExport(
    {
      sessions: [session],
      visits: [],
      searches: [],
      skills,
      endorsements: [],
    },
    { start, end, weekStart: settings.weekStart, level, strings: sessionLabelStrings() },
  );
  const [{ activityClaim }, { getOrCreateDidKey }, { signDataIntegrity }, page] = await Promise.all(
    [
      import('../../../../lib/endorsement-request/activity-claim'),
      import('../../../../lib/credentials/did-key'),
      import('../../../../lib/credentials/data-integrity'),
      import('virtual:standalone/endorsement-request'),
    ],
  );
  const key = await getOrCreateDidKey(didKeyStore(database));
  const claim = await activityClaim(
    shared,
    session.id,
    {
      issuerId: key.did,
      learnerName: settings.learnerName,
      now,
      locale,
      strings: badgeStrings(locale),
    },
    activityClaimStrings(),
  );
  if (!claim) return null;
  const signed = await signDataIntegrity(claim, key.signer, { now });
  const name = claim.credentialSubject.achievement.name;
  const text = requestPageStrings(name, claim.issuer.name, level, true);
  const filename = requestPageFilename(name);
  await downloadFile({
    filename,
    mimeType: 'text/html;charset=utf-8',
    content: requestPageHtml({ credential: signed, text, lang: locale }, page.default),
  });
  return filename;
}
