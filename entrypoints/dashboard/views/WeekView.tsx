import { useMemo } from 'preact/hooks';
import { t } from '../../../components/i18n';
import { SessionCard } from '../../../components/SessionCard';
import { useLiveQuery } from '../../../components/use-live-query';
import { db } from '../../../lib/db';
import { sessionsBetween } from '../../../lib/sessions';
import { weekOf } from '../../../lib/time';

/** The sessions of a week, newest first. */
export function WeekView(_: { params: string[] }) {
  const week = useMemo(() => weekOf(Date.now()), []);
  const data = useLiveQuery(async () => {
    const [sessions, skills] = await Promise.all([
      sessionsBetween(db(), week.start, week.end),
      db().skills.toArray(),
    ]);
    return { sessions, skillsById: new Map(skills.map((s) => [s.id, s])) };
  }, [week.key]);

  return (
    <section aria-labelledby="week-heading">
      <div class="week-picker">
        <h1 id="week-heading">{t('weekHeading', week.key)}</h1>
      </div>
      <h2>{t('sessionsHeading')}</h2>
      {!data && <p role="status">{t('loading')}</p>}
      {data && data.sessions.length === 0 && <p>{t('weekEmpty')}</p>}
      {data?.sessions.map((session) => (
        <SessionCard key={session.id} session={session} skillsById={data.skillsById} />
      ))}
    </section>
  );
}
