import { useMemo } from 'preact/hooks';
import { FollowUpList } from '../../../../components/FollowUpList';
import { FollowUpPrompt } from '../../../../components/FollowUpPrompt';
import { useLiveQuery } from '../../../../components/hooks/use-live-query';
import { useSettings } from '../../../../components/hooks/use-settings';
import { t, uiLocale } from '../../../../components/i18n/i18n';
import { LEARNING_KIND_KEYS } from '../../../../components/i18n/learning-kind-strings';
import { DayChart, SkillChart } from '../../../../components/week/WeekChart';
import { WeekPicker } from '../../../../components/week/WeekPicker';
import { WeekTotals } from '../../../../components/week/WeekTotals';
import { statedAsked } from '../../../../lib/followup/asked-about';
import { formatDay } from '../../../../lib/format';
import { answerFollowUp, dismissFollowUp, loadDueFollowUp } from '../../../../lib/store/follow-ups';
import type { Settings } from '../../../../lib/settings/settings';
import { db } from '../../../../lib/store/records';
import { shiftWeek, weekFromKey, weekOf, type Week } from '../../../../lib/time';
import { type WeekData } from '../../../../lib/week/review';
import { summarise } from '../../../../lib/week/summary';
import { navigate } from '../../router';
import { WeekExports } from './WeekExports';
import { WeekSessions } from './WeekSessions';
import { WeekStorySection } from './WeekStorySection';
import { loadWeek } from '../../../../lib/store/week';

/** The week the route names (`#/week/2026-W48`), or this week. */
export function WeekView({ params }: { params: string[] }) {
  const settings = useSettings()[0];
  if (!settings) return <p role="status">{t('loading')}</p>;
  return <WeekReview settings={settings} routeKey={params[0]} />;
}

function WeekReview({ settings, routeKey }: { settings: Settings; routeKey?: string }) {
  const locale = uiLocale();
  const options = { weekStart: settings.weekStart };
  const current = weekOf(Date.now(), options);
  const routed = routeKey ? weekFromKey(routeKey, options) : null;
  const week: Week = routed ?? current;
  const badRoute = routeKey !== undefined && routed === null;

  const { start, end } = week;
  const data = useLiveQuery(() => loadWeek(db(), start, end), [start, end]);
  const { followUpsEnabled, followUpDays } = settings;
  const due = useLiveQuery(
    () => loadDueFollowUp(db(), { followUpsEnabled, followUpDays }, Date.now()),
    [followUpsEnabled, followUpDays],
  );

  return (
    <section aria-labelledby="week-heading" class="week-view">
      <FollowUpPrompt
        due={due}
        locale={locale}
        onAnswer={async (answer) =>
          !!due && (await answerFollowUp(db(), due, answer, Date.now())) !== null
        }
        onDismiss={async () => !!due && (await dismissFollowUp(db(), due, Date.now())) !== null}
      />
      <WeekPicker
        week={week}
        current={current}
        previous={shiftWeek(week, -1, options)}
        next={shiftWeek(week, 1, options)}
        locale={locale}
        onSelect={(key) => {
          const chosen = weekFromKey(key, options);
          if (!chosen) return false;
          navigate('week', chosen.key);
          return true;
        }}
      />
      {badRoute && (
        <p class="notice" role="status">
          {t('weekRouteInvalid')}
        </p>
      )}
      {!data ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <WeekContent key={week.key} week={week} data={data} settings={settings} locale={locale} />
      )}
    </section>
  );
}

interface WeekContentProps {
  week: Week;
  data: WeekData;
  settings: Settings;
  locale: string;
}

function WeekContent({ week, data, settings, locale }: WeekContentProps) {
  const { start, end } = week;
  const { weekStart } = settings;
  const summary = useMemo(
    () => summarise(data, { start, end, weekStart }),
    [data, start, end, weekStart],
  );
  const skillsById = useMemo(() => new Map(data.skills.map((s) => [s.id, s])), [data.skills]);
  // The follow-ups on this week's sessions, as each skill's summary holds them, with the
  // stated activities they asked about named.
  const sessionById = useMemo(() => new Map(data.sessions.map((s) => [s.id, s])), [data.sessions]);
  const followUps = summary.skills.flatMap((s) =>
    s.followUps.map((f) => ({
      ...f,
      skillName: s.name,
      about: statedAsked(f.sessionIds, sessionById).map((a) =>
        t('followUpStatedItem', [
          t(LEARNING_KIND_KEYS[a.learningKind].name),
          formatDay(a.startedAt, locale),
          a.title,
        ]),
      ),
    })),
  );

  return (
    <>
      <WeekStorySection
        week={week}
        data={data}
        summary={summary}
        weekStart={settings.weekStart}
        locale={locale}
      />
      <h2>{t('summaryHeading')}</h2>
      <WeekTotals summary={summary} locale={locale} />

      <div class="week-charts">
        <div>
          <h2>{t('bySkillHeading')}</h2>
          <SkillChart summary={summary} locale={locale} />
        </div>
        <div>
          <h2>{t('byDayHeading')}</h2>
          <DayChart summary={summary} locale={locale} />
        </div>
      </div>

      {followUps.length > 0 && (
        <>
          <h2>{t('followUpsHeading')}</h2>
          <FollowUpList items={followUps} locale={locale} />
        </>
      )}

      <WeekSessions
        week={week}
        data={data}
        skillsById={skillsById}
        locale={locale}
        settings={settings}
      />
      <WeekExports week={week} data={data} settings={settings} locale={locale} />
    </>
  );
}
