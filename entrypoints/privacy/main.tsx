import { render } from 'preact';
import { browser } from 'wxt/browser';
import { speakInterfaceLanguage, t } from '../../components/i18n/i18n';
import '../../components/theme.css';
import '../../components/reading-page.css';
import { POLICY } from '../../lib/privacy-policy';
import { App } from './App';
import './style.css';

speakInterfaceLanguage();
document.title = t(POLICY.title);
render(
  <App homepage={browser.runtime.getManifest().homepage_url ?? ''} />,
  document.getElementById('app')!,
);
