import { useMemo, useState } from 'preact/hooks';
import { ExportPanel, type ExportPanelProps } from '../../../../components/week/ExportPanel';
import {
  badgeStrings,
  csvStrings,
  reportStrings,
  sessionLabelStrings,
} from '../../../../components/i18n/export-strings';
import { t } from '../../../../components/i18n/i18n';
import { ImportBackup } from '../../../../components/week/ImportBackup';
import { WalletFiles, type WalletFile } from '../../../../components/week/WalletFiles';
import { getOrCreateSigningKey } from '../../../../lib/credentials/keys';
import { exportCsv } from '../../../../lib/export/csv';
import { exportHtml } from '../../../../lib/export/html';
import { actorFromSettings } from '../../../../lib/export/identity';
import { exportMarkdown } from '../../../../lib/export/markdown';
import { prepareExport, type PrivacyLevel } from '../../../../lib/export/privacy';
import { exportWeekAsXapi } from '../../../../lib/export/xapi/file';
import type { Settings } from '../../../../lib/settings/settings';
import { exportBackup, restoreBackup } from '../../../../lib/store/backup';
import { db } from '../../../../lib/store/records';
import { didKeyStore, signingKeyStore } from '../../../../lib/store/keys';
import { getOrCreateInstallId } from '../../../../lib/store/install-id';
import type { Week } from '../../../../lib/time';
import type { WeekData } from '../../../../lib/week/review';

export interface WeekExportsProps {
  week: Week;
  data: WeekData;
  settings: Settings;
  locale: string;
}

/**
 * The week's exports at the privacy level chosen (each format, the report, the wallet
 * files of issued badges), the full backup, and restoring one.
 */
export function WeekExports({ week, data, settings, locale }: WeekExportsProps) {
  const summaryOptions = { start: week.start, end: week.end, weekStart: settings.weekStart };
  const [level, setLevel] = useState<PrivacyLevel>(settings.exportPrivacy);
  const [wallet, setWallet] = useState<WalletFile[]>([]);

  const shared = useMemo(
    () => prepareExport(data, { ...summaryOptions, level, strings: sessionLabelStrings() }),
    [data, week.key, level],
  );
  const exporters: ExportPanelProps['exporters'] = {
    markdown: async () => [
      exportMarkdown(shared, { locale, now: Date.now(), strings: reportStrings(locale) }),
    ],
    csv: async () => [exportCsv(shared, { strings: csvStrings() })],
    xapi: async () => {
      const installId = await getOrCreateInstallId(db());
      return [await exportWeekAsXapi(shared, actorFromSettings(settings, installId))];
    },
    badges: async (progress) => {
      // The JSON-LD stack loads only here, when the learner exports badges.
      const [
        { issueBadges },
        { badgesJsonFile, walletFile },
        { badgesHtmlFile },
        { getOrCreateDidKey },
      ] = await Promise.all([
        import('../../../../lib/export/openbadges/issue'),
        import('../../../../lib/export/openbadges/json-files'),
        import('../../../../lib/export/openbadges/page'),
        import('../../../../lib/credentials/did-key'),
      ]);
      // The keys are made once and kept in `meta`; every badge of this learner carries them.
      const keys = {
        didKey: await getOrCreateDidKey(didKeyStore(db())),
        jwtKey: await getOrCreateSigningKey(signingKeyStore(db())),
      };
      const strings = badgeStrings(locale);
      const badges = await issueBadges(
        shared,
        keys,
        { learnerName: settings.learnerName, now: Date.now(), locale, strings },
        progress,
      );
      setWallet(
        badges.map((b) => ({
          name: b.credential.credentialSubject.achievement.name,
          file: walletFile(shared, b),
        })),
      );
      return [
        badgesJsonFile(shared, badges, keys.didKey.did),
        badgesHtmlFile(shared, badges, { locale, strings }),
      ];
    },
  };

  return (
    <>
      <h2>{t('exportHeading')}</h2>
      <ExportPanel
        level={level}
        onLevelChange={setLevel}
        shared={shared}
        locale={locale}
        exporters={exporters}
        report={() =>
          exportHtml(shared, { locale, now: Date.now(), strings: reportStrings(locale) })
        }
        backup={(passphrase) =>
          exportBackup(db(), { now: Date.now(), weekKey: week.key, passphrase })
        }
        results={<WalletFiles files={wallet} />}
      >
        <ImportBackup
          locale={locale}
          onImport={(text, onProgress, passphrase) =>
            restoreBackup(db(), text, onProgress, { passphrase })
          }
        />
      </ExportPanel>
    </>
  );
}
