import { downloadFile } from '../../../../components/download-file';
import { requestPageStrings } from '../../../../components/i18n/endorsement-request-strings';
import { badgeStrings, sessionLabelStrings } from '../../../../components/i18n/export-strings';
import { requestPageFilename } from '../../../../lib/endorsement-request/files';
import { requestPageHtml } from '../../../../lib/endorsement-request/page-html';
import { requestScope } from '../../../../lib/endorsement-request/scope';
import { prepareExport, type PrivacyLevel } from '../../../../lib/export/privacy';
import type { Skill } from '../../../../lib/model';
import type { Settings } from '../../../../lib/settings/settings';
import { db } from '../../../../lib/store/records';
import { didKeyStore } from '../../../../lib/store/keys';
import { loadWeek } from '../../../../lib/store/week';
import { sessionsWithSkill } from '../../../../lib/store/sessions';

/**
 * Saves the endorsement request page for `skill`: the learner's signed credential for the
 * skill's whole record at `level`, in the page the learner sends. Answers the file name, or
 * `null` when the skill has no session to show. The JSON-LD stack and the page's script
 * load only here.
 */
export async function saveEndorsementRequest(
  skill: Skill,
  level: PrivacyLevel,
  settings: Pick<Settings, 'weekStart' | 'learnerName'>,
  locale: string,
): Promise<string | null> {
  const now = Date.now();
  const database = db();
  const first = await sessionsWithSkill(database, skill.id);
  if (first.length === 0) return null;
  const scope = requestScope(await loadWeek(database, first[0]!.startedAt, now + 1), skill.id, now);
  if (!scope) return null;
  const shared = prepareExport(scope.data, {
    start: scope.start,
    end: scope.end,
    weekStart: settings.weekStart,
    level,
    strings: sessionLabelStrings(),
  });
  const [
    { buildBadgeCredentials },
    { getOrCreateDidKey },
    { signDataIntegrity },
    { learnerAchievementId },
    page,
  ] = await Promise.all([
    import('../../../../lib/export/openbadges/build'),
    import('../../../../lib/credentials/did-key'),
    import('../../../../lib/credentials/data-integrity'),
    import('../../../../lib/credentials/learner-binding'),
    import('virtual:standalone/endorsement-request'),
  ]);
  const key = await getOrCreateDidKey(didKeyStore(database));
  const credentials = await buildBadgeCredentials(shared, {
    issuerId: key.did,
    learnerName: settings.learnerName,
    now,
    locale,
    strings: badgeStrings(locale),
  });
  const credential = credentials.find(
    (c) => c.credentialSubject.achievement.id === learnerAchievementId(key.did, skill.id),
  );
  if (!credential) return null;
  const signed = await signDataIntegrity(credential, key.signer, { now });
  const text = requestPageStrings(skill.name, credential.issuer.name, level);
  const filename = requestPageFilename(skill.name);
  await downloadFile({
    filename,
    mimeType: 'text/html;charset=utf-8',
    content: requestPageHtml({ credential: signed, text, lang: locale }, page.default),
  });
  return filename;
}
