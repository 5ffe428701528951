import { browser } from 'wxt/browser';
import { sendRequest } from '../../lib/messages';
import { loadSettings, updateSettings } from '../../lib/settings/settings-storage';
import { addSite } from '../../lib/settings/site-list';

/**
 * Adds a site to the excluded sites (recording stops at once) and, only if the learner
 * asked, deletes what was already recorded from it.
 */
export async function neverRecordSite(site: string, alsoDelete: boolean): Promise<void> {
  const { excludedSites } = await loadSettings();
  const added = addSite(excludedSites, site);
  // Already covered by an entry: the list stays as it is.
  if (added.ok) await updateSettings({ excludedSites: added.sites });
  // One call: the site's waiting writes go with its records, so no replay brings them back.
  await sendRequest(browser.runtime, 'forget-site', { site, eraseRecords: alsoDelete });
}
