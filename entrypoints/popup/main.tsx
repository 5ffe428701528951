import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { App } from './App';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('extName');
render(<App />, document.getElementById('app')!);
