import { render } from 'preact';
import { browser } from 'wxt/browser';
import { uiLocale } from '../../components/i18n/i18n';
import '../../components/theme.css';
import { App } from './App';
import './style.css';

document.documentElement.lang = uiLocale();
document.title = browser.i18n.getMessage('extName');
render(<App />, document.getElementById('app')!);
