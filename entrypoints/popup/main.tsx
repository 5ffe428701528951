import { render } from 'preact';
import { browser } from 'wxt/browser';
import { speakInterfaceLanguage } from '../../components/i18n/i18n';
import '../../components/theme.css';
import { App } from './App';
import { clickedTabOf } from '../../lib/messages';
import { startOpening } from './opening';
import './style.css';

// Started before anything else: the capture and the skills are what the popup waits for.
const opening = startOpening(clickedTabOf(location.search));
speakInterfaceLanguage();
document.title = browser.i18n.getMessage('extName');
render(<App opening={opening} />, document.getElementById('app')!);
