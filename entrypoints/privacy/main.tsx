import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t, uiLocale } from '../../components/i18n/i18n';
import '../../components/theme.css';
import '../../components/reading-page.css';
import { POLICY } from '../../lib/privacy-policy';
import { App } from './App';
import './style.css';

document.documentElement.lang = uiLocale();
document.title = t(POLICY.title);
render(
  <App homepage={browser.runtime.getManifest().homepage_url ?? ''} />,
  document.getElementById('app')!,
);
