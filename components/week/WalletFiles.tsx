import type { ExportFile } from '@/lib/export/file';
import { downloadFile } from '../download-file';
import { t } from '../i18n/i18n';

/** One badge's wallet file: its JSON credential with the Data Integrity proof. */
export interface WalletFile {
  /** The badge's skill, as the button names it. */
  name: string;
  file: ExportFile;
}

/** A button per badge of the last export, saving that badge alone as a wallet imports it. */
export function WalletFiles({ files }: { files: readonly WalletFile[] }) {
  if (files.length === 0) return null;
  return (
    <section class="wallet-files" aria-labelledby="wallet-files-heading">
      <h3 id="wallet-files-heading">{t('badgeWalletHeading')}</h3>
      <p class="muted">{t('badgeWalletIntro')}</p>
      <ul>
        {files.map((w) => (
          <li key={w.file.filename}>
            <button
              type="button"
              data-wallet-file={w.file.filename}
              onClick={() => void downloadFile(w.file)}
            >
              {t('badgeSaveOne', w.name)}
            </button>
          </li>
        ))}
      </ul>
      <p class="muted">{t('badgeHowToCheckWallet')}</p>
      <p class="muted">{t('badgeSelfAssertedMeaning')}</p>
    </section>
  );
}
