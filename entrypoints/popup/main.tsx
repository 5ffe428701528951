import { render } from 'preact';
import { browser } from 'wxt/browser';
import { speakInterfaceLanguage } from '../../components/i18n/i18n';
import '../../components/theme.css';
import { App } from './App';
import './style.css';

speakInterfaceLanguage();
document.title = browser.i18n.getMessage('extName');
render(<App />, document.getElementById('app')!);
