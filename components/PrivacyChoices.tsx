import { useId } from 'preact/hooks';
import type { Settings } from '../lib/settings/settings';
import { EngagementToggle } from './EngagementToggle';
import { t } from './i18n/i18n';

export interface PrivacyChoicesProps {
  settings: Pick<Settings, 'sitesOnly' | 'engagement'>;
  save: (patch: Partial<Settings>) => Promise<unknown>;
}

/** The two privacy choices offered on the welcome page and in Settings: sites only, and deeper reading evidence. */
export function PrivacyChoices({ settings, save }: PrivacyChoicesProps) {
  const id = useId();
  return (
    <>
      <div class="toggle">
        <input
          id={`${id}-sites-only`}
          type="checkbox"
          checked={settings.sitesOnly}
          aria-describedby={`${id}-sites-only-help`}
          onChange={(e) => void save({ sitesOnly: (e.target as HTMLInputElement).checked })}
        />
        <label for={`${id}-sites-only`}>{t('sitesOnlyLabel')}</label>
        <p id={`${id}-sites-only-help`} class="muted hint">
          {t('sitesOnlyHelp')}
        </p>
      </div>
      <EngagementToggle
        enabled={settings.engagement}
        onChange={(engagement) => save({ engagement })}
      />
    </>
  );
}
