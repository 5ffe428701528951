import { browser } from 'wxt/browser';
import { DeleteAllData } from '../../../../components/settings/DeleteAllData';
import { PrivacyChoices } from '../../../../components/PrivacyChoices';
import { ExcludedSites } from '../../../../components/settings/ExcludedSites';
import { t, uiLocale } from '../../../../components/i18n/i18n';
import { NumberSetting } from '../../../../components/settings/NumberSetting';
import { PauseControls } from '../../../../components/PauseControls';
import { RetentionSettings } from '../../../../components/settings/RetentionSettings';
import { SyncSection } from './SyncSection';
import { useSettings } from '../../../../components/hooks/use-settings';
import { sendRequest } from '../../../../lib/messages';
import { db } from '../../../../lib/store/records';
import { eraseEverything } from '../../../../lib/store/erase';
import { weekdayName } from '../../../../lib/format';

const SECOND = 1000;
const MINUTE = 60_000;
const DAYS = [1, 2, 3, 4, 5, 6, 0];

/**
 * Deletes every record and every setting (the LRS connection included): the database's
 * tables are emptied and the extension's storage cleared. The settings go first, consent
 * with them, so nothing is recorded while the records are erased, nor after, until the
 * learner says yes again on the welcome page.
 */
async function deleteEverything(): Promise<void> {
  // The background watches the settings: it stops recording as they are cleared.
  await browser.storage.local.clear();
  // The background drops its waiting writes before it erases, so no replay restores
  // old records; erasing here too covers a background that cannot answer.
  await sendRequest(browser.runtime, 'erase-everything', {}).catch(() => undefined);
  await eraseEverything(db());
  await browser.storage.session?.clear();
}

/** The learner's controls: recording, privacy, what counts, schedule, retention, sync, deletion. */
export function SettingsView(_: { params: string[] }) {
  const [settings, save] = useSettings();
  const locale = uiLocale();
  if (!settings) return <p role="status">{t('loading')}</p>;

  const days = DAYS.map((d) => ({ d, name: weekdayName(d, locale) }));

  return (
    <div class="settings">
      <h1>{t('settingsHeading')}</h1>

      <section aria-labelledby="settings-recording">
        <h2 id="settings-recording">{t('settingsRecording')}</h2>
        <PauseControls settings={settings} onChange={save} />
      </section>

      <section aria-labelledby="settings-privacy">
        <h2 id="settings-privacy">{t('settingsPrivacy')}</h2>
        <p>
          <a href={browser.runtime.getURL('/privacy.html')}>{t('policyLink')}</a>
        </p>
        <PrivacyChoices settings={settings} save={save} />
        <h3>{t('excludedHeading')}</h3>
        <p class="muted">{t('excludedHelp')}</p>
        <ExcludedSites
          sites={settings.excludedSites}
          onChange={(excludedSites) => save({ excludedSites })}
        />
      </section>

      <section aria-labelledby="settings-thresholds">
        <h2 id="settings-thresholds">{t('settingsThresholds')}</h2>
        <fieldset>
          <legend>{t('thresholdsLegend')}</legend>
          <NumberSetting
            label={t('minReadingLabel')}
            hint={t('minReadingHint')}
            unit={t('unitSeconds')}
            value={Math.round(settings.minReadingMs / SECOND)}
            min={5}
            max={3600}
            onCommit={(s) => save({ minReadingMs: s * SECOND })}
          />
          <NumberSetting
            label={t('continueWithinLabel')}
            hint={t('continueWithinHint')}
            unit={t('unitMinutes')}
            value={Math.round(settings.continueWithinMs / MINUTE)}
            min={1}
            max={1440}
            onCommit={(m) => save({ continueWithinMs: m * MINUTE })}
          />
          <NumberSetting
            label={t('searchGapLabel')}
            hint={t('searchGapHint')}
            unit={t('unitMinutes')}
            value={Math.round(settings.searchGapMs / MINUTE)}
            min={1}
            max={1440}
            onCommit={(m) => save({ searchGapMs: m * MINUTE })}
          />
          <NumberSetting
            label={t('idleLabel')}
            hint={t('idleHint')}
            unit={t('unitSeconds')}
            value={settings.idleSeconds}
            min={15}
            max={3600}
            onCommit={(s) => save({ idleSeconds: s })}
          />
        </fieldset>
      </section>

      <section aria-labelledby="settings-week">
        <h2 id="settings-week">{t('settingsWeek')}</h2>
        <label for="week-start">{t('weekStartLabel')}</label>
        <select
          id="week-start"
          value={String(settings.weekStart)}
          onChange={(e) => void save({ weekStart: Number((e.target as HTMLSelectElement).value) })}
        >
          {days.map(({ d, name }) => (
            <option key={d} value={String(d)}>
              {name}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t('reminderLegend')}</legend>
          <div class="toggle">
            <input
              id="reminder-enabled"
              type="checkbox"
              checked={settings.reminderEnabled}
              onChange={(e) =>
                void save({ reminderEnabled: (e.target as HTMLInputElement).checked })
              }
            />
            <label for="reminder-enabled">{t('reminderEnabledLabel')}</label>
          </div>
          <div class="row">
            <div>
              <label for="reminder-day">{t('reminderDayLabel')}</label>
              <select
                id="reminder-day"
                value={String(settings.reminderDay)}
                disabled={!settings.reminderEnabled}
                onChange={(e) =>
                  void save({ reminderDay: Number((e.target as HTMLSelectElement).value) })
                }
              >
                {days.map(({ d, name }) => (
                  <option key={d} value={String(d)}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="reminder-time">{t('reminderTimeLabel')}</label>
              <input
                id="reminder-time"
                type="time"
                value={settings.reminderTime}
                disabled={!settings.reminderEnabled}
                onChange={(e) => {
                  const value = (e.target as HTMLInputElement).value;
                  if (value) void save({ reminderTime: value });
                }}
              />
            </div>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('followUpsHeading')}</legend>
          <div class="toggle">
            <input
              id="follow-ups-enabled"
              type="checkbox"
              checked={settings.followUpsEnabled}
              onChange={(e) =>
                void save({ followUpsEnabled: (e.target as HTMLInputElement).checked })
              }
            />
            <label for="follow-ups-enabled">{t('followUpsEnabledLabel')}</label>
          </div>
          {settings.followUpsEnabled && (
            <NumberSetting
              label={t('followUpDaysLabel')}
              hint={t('followUpDaysHint')}
              unit={t('unitDays')}
              value={settings.followUpDays}
              min={0}
              max={90}
              onCommit={(followUpDays) => save({ followUpDays })}
            />
          )}
        </fieldset>
      </section>

      <section aria-labelledby="settings-retention">
        <h2 id="settings-retention">{t('settingsRetention')}</h2>
        <RetentionSettings
          months={settings.retentionMonths}
          onChange={(retentionMonths) => save({ retentionMonths })}
        />
      </section>

      <section aria-labelledby="settings-sync">
        <h2 id="settings-sync">{t('settingsSync')}</h2>
        <SyncSection />
      </section>

      <section aria-labelledby="settings-delete" class="danger-section">
        <h2 id="settings-delete">{t('settingsDelete')}</h2>
        <DeleteAllData onDelete={deleteEverything} />
      </section>
    </div>
  );
}
