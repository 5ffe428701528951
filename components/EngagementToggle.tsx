import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import './controls.css';
import { t } from './i18n/i18n';

/** Host access the engagement script needs: every web page, asked for only when turned on. */
export const ENGAGEMENT_ORIGINS = ['http://*/*', 'https://*/*'];

export interface EngagementToggleProps {
  enabled: boolean;
  onChange: (enabled: boolean) => Promise<unknown>;
}

/**
 * "Deeper reading evidence": a checkbox that asks the browser for access to web pages the
 * moment it is ticked, and explains plainly what that access adds.
 */
export function EngagementToggle({ enabled, onChange }: EngagementToggleProps) {
  const id = useId();
  const [refused, setRefused] = useState(false);
  // Re-render after a refusal even when nothing else changed, so the box unticks itself.
  const [, rerender] = useState(0);

  const toggle = (event: Event) => {
    const on = (event.target as HTMLInputElement).checked;
    if (!on) {
      setRefused(false);
      void onChange(false);
      return;
    }
    // Browsers grant permissions only during the click itself: request before any await.
    const asked = browser.permissions.request({ origins: ENGAGEMENT_ORIGINS });
    void asked
      .catch(() => false)
      .then((granted) => {
        setRefused(!granted);
        rerender((n) => n + 1);
        return onChange(granted);
      });
  };

  return (
    <div class="toggle">
      <input
        id={`${id}-engagement`}
        type="checkbox"
        checked={enabled}
        aria-describedby={`${id}-engagement-help ${id}-engagement-status`}
        onChange={toggle}
      />
      <label for={`${id}-engagement`}>{t('engagementLabel')}</label>
      <p id={`${id}-engagement-help`} class="muted hint">
        {t('engagementHelp')}
      </p>
      <p id={`${id}-engagement-status`} role="status" class="error">
        {refused ? t('engagementRefused') : ''}
      </p>
    </div>
  );
}
