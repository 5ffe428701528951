import { downloadFile } from '../../../../components/download-file';
import { badgeStrings, sessionLabelStrings } from '../../../../components/i18n/export-strings';
import { portfolioPageStrings } from '../../../../components/i18n/portfolio-strings';
import { prepareExport, type PrivacyLevel } from '../../../../lib/export/privacy';
import { portfolioFilename, recordFilename } from '../../../../lib/portfolio/files';
import { portfolioPageHtml } from '../../../../lib/portfolio/page-html';
import { recordScope } from '../../../../lib/portfolio/scope';
import type { Settings } from '../../../../lib/settings/settings';
import { didKeyStore } from '../../../../lib/store/keys';
import { db } from '../../../../lib/store/records';
import { loadSkillRecordData } from '../../../../lib/store/skill-records';

/** A skill record as saved, with what the LinkedIn link needs. */
export interface SavedRecord {
  skillId: string;
  skill: string;
  name: string;
  credentialId: string;
  validFrom: string;
}

/**
 * Saves the portfolio page of `skillIds`: a signed skill record per skill (from `from`, or
 * everything so far) at `level`, in one page that checks itself. Answers the file name and
 * the records, or `null` when no chosen skill has a session. The JSON-LD stack and the
 * page's script load only here.
 */
export async function savePortfolio(
  skillIds: readonly string[],
  level: PrivacyLevel,
  settings: Pick<Settings, 'weekStart' | 'learnerName'>,
  locale: string,
  from?: number,
): Promise<{ filename: string; records: SavedRecord[] } | null> {
  const now = Date.now();
  const database = db();
  const scope = recordScope(await loadSkillRecordData(database, skillIds), skillIds, {
    now,
    from,
  });
  if (!scope) return null;
  const shared = prepareExport(scope.data, {
    start: scope.start,
    end: scope.end,
    weekStart: settings.weekStart,
    level,
    strings: sessionLabelStrings(),
  });
  const [{ buildSkillRecord }, { getOrCreateDidKey }, { signDataIntegrity }, page] =
    await Promise.all([
      import('../../../../lib/export/openbadges/build'),
      import('../../../../lib/credentials/did-key'),
      import('../../../../lib/credentials/data-integrity'),
      import('virtual:standalone/portfolio'),
    ]);
  const key = await getOrCreateDidKey(didKeyStore(database));
  // Most measured time first, as the summary ranks skills. The page holds the JSON
  // credentials, which wallets read, so only the Data Integrity proof is made.
  const issued = [];
  for (const { skillId } of shared.summary.skills) {
    const credential = await buildSkillRecord(shared, skillId, {
      issuerId: key.did,
      learnerName: settings.learnerName,
      now,
      locale,
      strings: badgeStrings(locale),
    });
    if (credential) {
      issued.push({
        skillId,
        credential: await signDataIntegrity(credential, key.signer, { now }),
      });
    }
  }
  const learner = issued[0]?.credential.issuer.name ?? settings.learnerName;
  const records = issued.map((r) => ({
    skill: r.credential.credentialSubject.achievement.name,
    credential: r.credential as unknown as Record<string, unknown>,
    filename: recordFilename(r.credential.credentialSubject.achievement.name),
  }));
  const filename = portfolioFilename(learner);
  await downloadFile({
    filename,
    mimeType: 'text/html;charset=utf-8',
    content: portfolioPageHtml(
      { learner, records, text: portfolioPageStrings(level), lang: locale },
      page.default,
    ),
  });
  return {
    filename,
    records: issued.map((r) => ({
      skillId: r.skillId,
      skill: r.credential.credentialSubject.achievement.name,
      name: r.credential.name,
      credentialId: r.credential.id,
      validFrom: r.credential.validFrom,
    })),
  };
}
