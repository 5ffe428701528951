import { browser } from 'wxt/browser';
import './controls.css';
import { t } from './i18n/i18n';

/**
 * Recording is off until the learner says yes on the welcome page (after install, and after
 * "Delete all my data"): says so, with the way there. The welcome page is where the choice
 * is made, since it says what is recorded and where it stays.
 */
export function RecordingOff() {
  return (
    <p role="status" class="pause-state recording-off">
      {t('trackingOff')}{' '}
      <a href={browser.runtime.getURL('/welcome.html')} target="_blank" rel="noopener">
        {t('openWelcome')}
      </a>
    </p>
  );
}
