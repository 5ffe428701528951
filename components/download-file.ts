import { browser } from 'wxt/browser';
import type { ExportFile, ExportParts } from '../lib/export/file';

/** The downloads API reads a Blob URL after `download()` resolves; revoking sooner can cancel it. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves an export as a file in the learner's downloads folder: through the `downloads` API
 * where it exists, else through a link with `download` (the way any web page saves a file).
 */
export async function downloadFile(file: ExportFile | ExportParts): Promise<void> {
  const parts = 'parts' in file ? file.parts : [file.content];
  const url = URL.createObjectURL(new Blob(parts, { type: file.mimeType }));
  try {
    if (typeof browser.downloads?.download === 'function') {
      await browser.downloads.download({ url, filename: file.filename, saveAs: false });
    } else {
      clickDownloadLink(url, file.filename);
    }
  } catch {
    clickDownloadLink(url, file.filename);
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

function clickDownloadLink(url: string, filename: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * Opens a generated HTML report in a new tab for the browser's Print / Save as PDF. The
 * report is a Blob document: every piece of page data in it was escaped by the generator,
 * and its own Content-Security-Policy forbids scripts. Returns whether a tab opened.
 */
export function openHtmlReport(file: ExportFile): boolean {
  const url = URL.createObjectURL(new Blob([file.content], { type: 'text/html;charset=utf-8' }));
  // Not revoked: the tab may be reloaded; the URL dies with this dashboard page.
  const opened = window.open(url, '_blank');
  return opened !== null;
}
