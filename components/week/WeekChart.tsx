import { formatDuration, textDirectionOf } from '@/lib/format';
import type { Summary } from '@/lib/week/summary';
import { t } from '../i18n/i18n';
import { TotalsTable } from './TotalsTable';

/*
 * Charts in plain SVG. Sizes are percentages across and CSS pixels down, with text in CSS
 * pixels, so text grows with the browser's zoom and never squeezes into a bar. Each chart
 * is one image with a summarising label; the table after it carries every number.
 * Right to left (Arabic), bars grow from the right and the week runs from the right, as
 * the words around them read; SVG coordinates do not mirror by themselves.
 */

const BAR = 14;
const LINE = 18;
const ROW = LINE + BAR + 10;
/** Names longer than this are cut in the picture; the table has them whole. */
const MAX_LABEL = 48;

function cut(name: string): string {
  return name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1)}…` : name;
}

/**
 * The axis across, in percent: where something `size` wide starts when it sits `offset`
 * from the side the text starts on (the right, right to left).
 */
function acrossAxis(locale: string): (offset: number, size?: number) => number {
  const rtl = textDirectionOf(locale) === 'rtl';
  return (offset, size = 0) => (rtl ? 100 - offset - size : offset);
}

/** The value axis: the length of a value when the largest of `values` fills `length`. */
function valueAxis(values: readonly number[], length: number): (value: number) => number {
  const max = Math.max(...values, 1);
  return (value) => (value / max) * length;
}

/** One bar, in its skill's colour, or patterned for time without a skill. */
function Bar(props: { x: string; y: number; width: string; height: number; colour: string }) {
  const { colour, ...box } = props;
  return (
    <rect
      {...box}
      class={colour ? 'chart-bar' : 'chart-bar chart-untagged'}
      style={colour ? { fill: colour } : undefined}
    />
  );
}

export interface ChartProps {
  summary: Summary;
  locale: string;
}

/** Active time per skill, most first, plus time not tagged with any skill. */
export function SkillChart({ summary, locale }: ChartProps) {
  const rows = summary.skills.map((s) => ({
    key: s.skillId,
    name: s.name,
    colour: s.colour,
    ms: s.activeMs,
    statedMs: s.statedMs,
    sessions: s.sessions,
  }));
  if (summary.untagged.activeMs > 0) {
    rows.push({
      key: ':untagged',
      name: t('chartUntagged'),
      colour: '',
      ms: summary.untagged.activeMs,
      statedMs: 0,
      sessions: summary.untagged.sessions,
    });
  }
  if (rows.length === 0) return <p class="muted">{t('chartEmpty')}</p>;
  const length = valueAxis(
    rows.map((r) => r.ms),
    100,
  );
  const across = acrossAxis(locale);
  const label = t(
    'chartSkillsLabel',
    rows
      .slice(0, 5)
      .map((r) => `${r.name} ${formatDuration(r.ms, locale)}`)
      .join(', '),
  );
  return (
    <figure class="chart">
      <svg
        class="chart-svg"
        role="img"
        aria-label={label}
        width="100%"
        height={rows.length * ROW}
        focusable="false"
      >
        {rows.map((r, i) => {
          const y = i * ROW;
          const width = Math.max(0.5, length(r.ms));
          return (
            <g key={r.key}>
              {/* `start` is the right end where the text reads right to left. */}
              <text x={`${across(0)}%`} y={y + LINE - 5} class="chart-text">
                {`${cut(r.name)} · ${formatDuration(r.ms, locale)}`}
              </text>
              <Bar
                x={`${across(0, width)}%`}
                y={y + LINE}
                height={BAR}
                width={`${width}%`}
                colour={r.colour}
              />
            </g>
          );
        })}
      </svg>
      <TotalsTable
        class="visually-hidden"
        caption={t('chartSkillsCaption')}
        heading="chartSkill"
        locale={locale}
        rows={rows.map((r) => ({
          key: r.key,
          label: r.name,
          activeMs: r.ms,
          statedMs: r.statedMs,
          sessions: r.sessions,
        }))}
      />
    </figure>
  );
}

const DAY_HEIGHT = 140;
const DAY_LABEL = 22;

/** Active time per local day, each day's bar stacked by skill (a session with two skills counts for each). */
export function DayChart({ summary, locale }: ChartProps) {
  const { days, skills, timeZone } = summary;
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone });
  const fullDay = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    timeZone,
  });
  // Stacks: each skill's share of the day, then the untagged rest.
  const stacks = days.map((day, i) => {
    const parts = skills
      .map((s) => ({
        key: s.skillId,
        name: s.name,
        colour: s.colour,
        ms: s.perDay[i]?.activeMs ?? 0,
      }))
      .filter((p) => p.ms > 0);
    if (day.untaggedMs > 0) {
      parts.push({ key: ':untagged', name: t('chartUntagged'), colour: '', ms: day.untaggedMs });
    }
    return { day, parts, height: parts.reduce((sum, p) => sum + p.ms, 0) };
  });
  const length = valueAxis(
    stacks.map((s) => s.height),
    DAY_HEIGHT - 4,
  );
  const width = 100 / Math.max(1, days.length);
  const across = acrossAxis(locale);
  /** Where the i-th day's column starts, counted from the side the week starts on. */
  const column = (i: number) => across(i * width, width);
  const busiest = stacks.reduce((a, b) => (b.day.activeMs > a.day.activeMs ? b : a), stacks[0]!);
  const label =
    summary.totals.activeMs > 0
      ? t('chartDaysLabel', [
          formatDuration(summary.totals.activeMs, locale),
          fullDay.format(busiest.day.start),
          formatDuration(busiest.day.activeMs, locale),
        ])
      : t('chartEmpty');
  return (
    <figure class="chart">
      <svg
        class="chart-svg"
        role="img"
        aria-label={label}
        width="100%"
        height={DAY_HEIGHT + DAY_LABEL}
        focusable="false"
      >
        <line x1="0" x2="100%" y1={DAY_HEIGHT} y2={DAY_HEIGHT} class="chart-axis" />
        {stacks.map((stack, i) => {
          let top = DAY_HEIGHT;
          return (
            <g key={stack.day.date}>
              {stack.parts.map((p) => {
                const h = Math.max(1, length(p.ms));
                top -= h;
                return (
                  <Bar
                    key={p.key}
                    x={`${column(i) + width * 0.15}%`}
                    y={top}
                    width={`${width * 0.7}%`}
                    height={h}
                    colour={p.colour}
                  />
                );
              })}
              <text
                x={`${column(i) + width / 2}%`}
                y={DAY_HEIGHT + DAY_LABEL - 5}
                text-anchor="middle"
                class="chart-text"
              >
                {dayName.format(stack.day.start)}
              </text>
            </g>
          );
        })}
      </svg>
      {skills.length > 0 && (
        <ul class="chart-legend" aria-hidden="true">
          {skills.map((s) => (
            <li key={s.skillId}>
              <span class="swatch" style={{ background: s.colour }} />
              {s.name}
            </li>
          ))}
          {summary.untagged.activeMs > 0 && (
            <li>
              <span class="swatch chart-untagged-swatch" />
              {t('chartUntagged')}
            </li>
          )}
        </ul>
      )}
      <TotalsTable
        class="visually-hidden"
        caption={t('chartDaysCaption')}
        heading="chartDay"
        locale={locale}
        rows={days.map((d) => ({
          key: d.date,
          label: fullDay.format(d.start),
          activeMs: d.activeMs,
          statedMs: d.statedMs,
          sessions: d.sessions,
        }))}
      />
    </figure>
  );
}
