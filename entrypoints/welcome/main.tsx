import { render } from 'preact';
import { browser } from 'wxt/browser';
import { requestPersistentStorage } from '../../components/persist-storage';
import { speakInterfaceLanguage } from '../../components/i18n/i18n';
import '../../components/theme.css';
import '../../components/reading-page.css';
import { App } from './App';
import './style.css';

speakInterfaceLanguage();
document.title = browser.i18n.getMessage('welcomeTitle');
// The first page the learner sees is the moment to ask that records survive a full disk.
void requestPersistentStorage();
render(<App />, document.getElementById('app')!);
