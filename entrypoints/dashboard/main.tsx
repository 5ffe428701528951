import { render } from 'preact';
import { browser } from 'wxt/browser';
import { requestPersistentStorage } from '../../components/persist-storage';
import { speakInterfaceLanguage } from '../../components/i18n/i18n';
import '../../components/theme.css';
import { App } from './App';
import './style.css';

speakInterfaceLanguage();
document.title = browser.i18n.getMessage('dashboardTitle');
// Opening the dashboard is the learner's gesture of interest: ask to keep storage from eviction.
void requestPersistentStorage();
render(<App />, document.getElementById('app')!);
