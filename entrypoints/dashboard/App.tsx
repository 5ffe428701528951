import { t } from '../../components/i18n/i18n';
import { useSettings } from '../../components/hooks/use-settings';
import { RecordingOff } from '../../components/RecordingOff';
import { useRoute } from './router';
import { VIEWS } from './views';

/**
 * The dashboard: navigation and the view the route names, and, until the learner said yes
 * to recording, a line saying so (Settings says it in its recording controls).
 */
export function App() {
  const [path, ...params] = useRoute();
  const [settings] = useSettings();
  const view = VIEWS.find((v) => v.path === path) ?? VIEWS[0]!;
  const View = view.component;
  return (
    <>
      <header class="top">
        <span class="brand">{t('extName')}</span>
        <nav aria-label={t('navMain')}>
          <ul>
            {VIEWS.map((v) => (
              <li key={v.path}>
                <a href={`#/${v.path}`} aria-current={v === view ? 'page' : undefined}>
                  {t(v.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main">
        {settings && !settings.trackingConsent && view.path !== 'settings' && <RecordingOff />}
        <View params={params} />
      </main>
    </>
  );
}
