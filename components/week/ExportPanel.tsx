import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { MIN_PASSPHRASE_LENGTH } from '@/lib/credentials/wrapped-identity';
import type { ExportFile, ExportParts } from '@/lib/export/file';
import type { PrivacyLevel, SharedData } from '@/lib/export/privacy';
import { formatDateTime, formatDuration, formatNumber } from '@/lib/format';
import { openHtmlReport, downloadFile } from '../download-file';
import { t, type MessageKey } from '../i18n/i18n';
import { PrivacyLevelChoice } from '../PrivacyLevelChoice';
import { timeText } from '../time-text';
import { TotalsTable } from './TotalsTable';

/** The week's export formats; each gives one or more files. */
export type ExportFormat = 'markdown' | 'csv' | 'xapi' | 'badges';

const FORMAT_LABEL: Record<ExportFormat, MessageKey> = {
  markdown: 'exportMarkdown',
  csv: 'exportCsv',
  xapi: 'exportXapi',
  badges: 'exportBadges',
};

/** One line on what each file is for, beside its technical name. */
const FORMAT_HINT: Record<ExportFormat | 'print', MessageKey> = {
  markdown: 'exportMarkdownHint',
  csv: 'exportCsvHint',
  xapi: 'exportXapiHint',
  badges: 'exportBadgesHint',
  print: 'printReportHint',
};

const KIND_LABEL = {
  reading: 'kindReading',
  search: 'kindSearch',
  watching: 'kindWatching',
  away: 'kindAway',
} satisfies Record<string, MessageKey>;

/** Rows the preview shows before "and N more". */
const PREVIEW_ROWS = 8;

export interface ExportPanelProps {
  level: PrivacyLevel;
  onLevelChange: (level: PrivacyLevel) => void;
  /** The week redacted for `level`: what every export below renders, and the preview shows. */
  shared: SharedData;
  locale: string;
  /** Formats offered, in order; each builds its files on demand, telling how far it is. */
  exporters: Partial<Record<ExportFormat, (progress: ExportProgress) => Promise<ExportFile[]>>>;
  /** The printable report of `shared`. */
  report: () => ExportFile;
  /**
   * The whole database as a backup file: not redacted, it restores everything. With a
   * `passphrase`, it carries the learner's signing key locked with it.
   */
  backup: (passphrase?: string) => Promise<ExportParts>;
  /** Shown under the export status: what the last export made, e.g. each badge's file. */
  results?: ComponentChildren;
  /** Shown under the backup button, e.g. the import control. */
  children?: ComponentChildren;
}

/** How far a long export is: `done` of `total` steps (badges signed). */
export type ExportProgress = (done: number, total: number) => void;

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; done?: number; total?: number }
  | { kind: 'done' | 'error'; text: string };

/** A privacy level, a preview of exactly what leaves the device, and the export buttons. */
export function ExportPanel(props: ExportPanelProps) {
  const { level, onLevelChange, shared, locale, exporters, report, backup, results, children } =
    props;
  const id = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');

  const save = async (
    build: ((progress: ExportProgress) => Promise<(ExportFile | ExportParts)[]>) | undefined,
  ) => {
    if (!build) return;
    setStatus({ kind: 'busy' });
    try {
      const files = await build((done, total) => setStatus({ kind: 'busy', done, total }));
      for (const file of files) await downloadFile(file);
      setStatus({ kind: 'done', text: t('exportDone', files.map((f) => f.filename).join(', ')) });
    } catch (error) {
      setStatus({
        kind: 'error',
        text:
          error instanceof Error && error.name === 'KeyNotMovable'
            ? t('backupKeyNotMovable')
            : t('exportFailed', error instanceof Error ? error.message : String(error)),
      });
    }
  };

  /** The backup, with the key when a passphrase is given twice and long enough. */
  const saveBackup = () => {
    if (passphrase && passphrase.length < MIN_PASSPHRASE_LENGTH) {
      setStatus({ kind: 'error', text: t('backupKeyTooShort') });
      return;
    }
    if (passphrase !== again) {
      setStatus({ kind: 'error', text: t('backupKeyMismatch') });
      return;
    }
    void save(async () => [await backup(passphrase || undefined)]);
  };

  const print = () => {
    try {
      const opened = openHtmlReport(report());
      setStatus(
        opened
          ? { kind: 'done', text: t('printOpened') }
          : { kind: 'error', text: t('printBlocked') },
      );
    } catch (error) {
      setStatus({
        kind: 'error',
        text: t('exportFailed', error instanceof Error ? error.message : String(error)),
      });
    }
  };

  return (
    <div class="export-panel">
      <PrivacyLevelChoice level={level} onChange={onLevelChange} />

      <h3 id={`${id}-preview`}>{t('previewHeading')}</h3>
      <SharedPreview shared={shared} locale={locale} labelledBy={`${id}-preview`} />

      <div class="export-buttons">
        {(Object.keys(FORMAT_LABEL) as ExportFormat[])
          .filter((f) => exporters[f])
          .map((f) => (
            <button
              key={f}
              type="button"
              data-export={f}
              aria-describedby={`${id}-${f}-hint`}
              disabled={status.kind === 'busy'}
              onClick={() => void save(exporters[f])}
            >
              {t(FORMAT_LABEL[f])}
            </button>
          ))}
        <button
          type="button"
          data-export="print"
          aria-describedby={`${id}-print-hint`}
          onClick={print}
        >
          {t('printReport')}
        </button>
      </div>
      <ul class="export-hints muted">
        {[
          ...(Object.keys(FORMAT_LABEL) as ExportFormat[]).filter((f) => exporters[f]),
          'print' as const,
        ].map((f) => (
          <li key={f} id={`${id}-${f}-hint`}>
            {t(FORMAT_HINT[f])}
          </li>
        ))}
      </ul>
      <p class="status" role="status">
        {status.kind === 'busy' &&
          (status.total ? (
            <>
              <progress value={status.done} max={status.total} />{' '}
              {t('exportSigning', [
                formatNumber(Math.min((status.done ?? 0) + 1, status.total), locale),
                formatNumber(status.total, locale),
              ])}
            </>
          ) : (
            t('exporting')
          ))}
        {status.kind === 'done' && <span class="ok">{status.text}</span>}
        {status.kind === 'error' && <span class="error">{status.text}</span>}
      </p>
      {results}

      <h3>{t('backupHeading')}</h3>
      <p id={`${id}-backup`} class="muted">
        {t('backupExplain')}
      </p>
      <div class="backup-key">
        <label for={`${id}-key`}>{t('backupKeyLabel')}</label>
        <p id={`${id}-key-hint`} class="muted">
          {t('backupKeyHint')}
        </p>
        <input
          id={`${id}-key`}
          type="password"
          autocomplete="new-password"
          aria-describedby={`${id}-key-hint`}
          value={passphrase}
          onInput={(e) => setPassphrase((e.target as HTMLInputElement).value)}
        />
        <label for={`${id}-key-again`}>{t('backupKeyAgain')}</label>
        <input
          id={`${id}-key-again`}
          type="password"
          autocomplete="new-password"
          value={again}
          onInput={(e) => setAgain((e.target as HTMLInputElement).value)}
        />
      </div>
      <button
        type="button"
        data-export="backup"
        aria-describedby={`${id}-backup`}
        disabled={status.kind === 'busy'}
        onClick={saveBackup}
      >
        {t('exportBackup')}
      </button>
      {children}
    </div>
  );
}

/** What the chosen level lets out, as a compact table built from the redacted data itself. */
export function SharedPreview(props: { shared: SharedData; locale: string; labelledBy: string }) {
  const { shared, locale, labelledBy } = props;
  const { rules, summary } = shared;
  const names = new Map(shared.skills.map((s) => [s.id, s.name]));
  const totals = t('previewTotals', [
    timeText(summary.totals.activeMs, summary.totals.statedMs, locale),
    formatNumber(summary.totals.sessions, locale),
    formatNumber(summary.skills.length, locale),
  ]);
  if (!rules.sessions) {
    return (
      <div class="preview">
        <p>{totals}</p>
        {summary.skills.length > 0 && (
          <TotalsTable
            heading="chartSkill"
            labelledBy={labelledBy}
            locale={locale}
            rows={summary.skills.map((s) => ({
              key: s.skillId,
              label: s.name,
              activeMs: s.activeMs,
              statedMs: s.statedMs,
              sessions: s.sessions,
            }))}
          />
        )}
      </div>
    );
  }
  const rows = shared.sessions.slice(-PREVIEW_ROWS).reverse();
  const more = shared.sessions.length - rows.length;
  return (
    <div class="preview">
      <p>{totals}</p>
      {rows.length > 0 && (
        // Focusable, so that a keyboard can scroll a table wider than the page.
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={labelledBy}>
          <table aria-labelledby={labelledBy}>
            <thead>
              <tr>
                <th scope="col">{t('previewWhen')}</th>
                <th scope="col">{t('previewSession')}</th>
                {rules.sites && <th scope="col">{t('filterSite')}</th>}
                {rules.urls && <th scope="col">{t('previewUrl')}</th>}
                {rules.queries && <th scope="col">{t('sessionQueries')}</th>}
                {rules.notes && <th scope="col">{t('previewNote')}</th>}
                <th scope="col">{t('navSkills')}</th>
                <th scope="col">{t('totalActive')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td>{formatDateTime(s.startedAt, locale, shared.summary.timeZone)}</td>
                  <td>
                    <span class="muted">{t(KIND_LABEL[s.kind])}: </span>
                    {s.label}
                  </td>
                  {rules.sites && <td>{s.site ?? ''}</td>}
                  {rules.urls && <td class="url">{s.url ?? ''}</td>}
                  {rules.queries && (
                    <td>
                      {s.queries
                        .map((q) => q.query ?? '')
                        .filter(Boolean)
                        .join('; ')}
                    </td>
                  )}
                  {rules.notes && <td class="note">{s.note ?? ''}</td>}
                  <td>
                    {s.skillIds
                      .map((sid) => names.get(sid) ?? '')
                      .filter(Boolean)
                      .join(', ')}
                  </td>
                  <td>
                    {s.kind === 'away'
                      ? t('statedTimeShown', formatDuration(s.statedMs ?? 0, locale))
                      : formatDuration(s.activeMs, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more > 0 && <p class="muted">{t('previewMore', formatNumber(more, locale))}</p>}
    </div>
  );
}
