import type { FunctionComponent } from 'preact';
import type { MessageKey } from '../../../components/i18n/i18n';
import { AddLearningView } from './add/AddLearningView';
import { SettingsView } from './settings/SettingsView';
import { SkillsView } from './skills/SkillsView';
import { VerifyView } from './verify/VerifyView';
import { WeekView } from './week/WeekView';

export interface DashboardView {
  /** First part of the route, `#/<path>/…`. */
  path: string;
  /** Message key of its navigation label. */
  label: MessageKey;
  /** Receives the rest of the route. */
  component: FunctionComponent<{ params: string[] }>;
}

/** Every dashboard view, in navigation order; the first is the default. */
export const VIEWS: DashboardView[] = [
  { path: 'week', label: 'navWeek', component: WeekView },
  { path: 'add', label: 'navAddLearning', component: AddLearningView },
  { path: 'skills', label: 'navSkills', component: SkillsView },
  { path: 'verify', label: 'navVerify', component: VerifyView },
  { path: 'settings', label: 'navSettings', component: SettingsView },
];
