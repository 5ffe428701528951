// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionCard } from '../../../components/week/SessionCard';
import { StatedActivityForm, type StatedSaveResult } from '../../../components/StatedActivityForm';
import { WeekTotals } from '../../../components/week/WeekTotals';
import { statedSession } from '../../../lib/learning-away/session';
import { checkStatedActivity, type StatedActivityInput } from '../../../lib/learning-away/validate';
import type { Skill } from '../../../lib/model';
import { summarise } from '../../../lib/week/summary';

afterEach(cleanup);

const SKILLS: Skill[] = [
  {
    id: 'css',
    name: 'CSS',
    key: 'css',
    aliases: [],
    colour: '#1d4ed8',
    createdAt: 0,
    updatedAt: 0,
  },
];

function form(
  onSave = vi.fn(async (_: StatedActivityInput): Promise<StatedSaveResult> => ({ ok: true })),
) {
  render(
    <StatedActivityForm
      skills={SKILLS}
      today="2026-12-07"
      onCreateSkill={vi.fn()}
      onSave={onSave}
    />,
  );
  return onSave;
}

describe('StatedActivityForm', () => {
  it('offers the nine kinds, each with its example, and a labelled field for every fact', () => {
    form();
    expect(screen.getAllByRole('radio')).toHaveLength(9);
    expect(screen.getByRole('radio', { name: /Mentoring or coaching/ })).toBeTruthy();
    for (const label of ['Day', 'Hours', 'Minutes', 'What did you learn? One line is enough.']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect((screen.getByLabelText('Day') as HTMLInputElement).value).toBe('2026-12-07');
  });

  it('names each problem beside its field and stores nothing', async () => {
    const onSave = form(
      vi.fn(async (input: StatedActivityInput): Promise<StatedSaveResult> => {
        const r = checkStatedActivity(input, {
          today: { year: 2026, month: 12, day: 7 },
          statedThatDayMs: 0,
        });
        return r.ok ? { ok: true as const } : r;
      }),
    );
    fireEvent.input(screen.getByLabelText('Day'), { target: { value: '2026-12-09' } });
    fireEvent.input(screen.getByLabelText('Hours'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Nothing was saved'),
    );
    const alert = screen.getByRole('alert').textContent!;
    for (const words of [
      'Choose what kind of learning it was.',
      'This day has not come yet.',
      'One day has 24 hours.',
      'Choose at least one skill.',
      'Say in a few words what you learned.',
    ]) {
      expect(alert).toContain(words);
    }
    expect(screen.getByLabelText('Day').getAttribute('aria-invalid')).toBe('true');
    expect(onSave).toHaveBeenCalledOnce();
  });

  it('gives the store what the learner typed', async () => {
    const onSave = form();
    fireEvent.click(screen.getByRole('radio', { name: /Mentoring or coaching/ }));
    fireEvent.input(screen.getByLabelText('Hours'), { target: { value: '1' } });
    fireEvent.input(screen.getByLabelText('Minutes'), { target: { value: '30' } });
    fireEvent.input(screen.getByLabelText('What did you learn? One line is enough.'), {
      target: { value: 'Testing a circuit' },
    });
    fireEvent.input(screen.getByLabelText('With whom (if you like)'), {
      target: { value: 'Rosa' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledOnce());
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      learningKind: 'mentoring',
      date: '2026-12-07',
      durationMs: 90 * 60_000,
      learned: 'Testing a circuit',
      people: 'Rosa',
    });
  });
});

describe('a stated activity in the week', () => {
  const session = statedSession(
    {
      learningKind: 'mentoring',
      day: { year: 2026, month: 12, day: 2 },
      statedMs: 5 * 3_600_000,
      skills: ['css'],
      learned: 'Testing a circuit',
      people: 'Rosa',
    },
    { id: 's1', now: 0, timeZone: 'UTC' },
  );

  it('shows its card as stated, with its kind, time, and with whom', () => {
    render(<SessionCard session={session} skillsById={new Map(SKILLS.map((s) => [s.id, s]))} />);
    const meta = document.querySelector('.session-meta')!.textContent!;
    expect(meta).toContain('Stated');
    expect(meta).toContain('Mentoring or coaching');
    expect(meta).toContain('stated 5 hr');
    expect(document.body.textContent).toContain('With: Rosa');
    expect(document.querySelector('a')).toBeNull();
  });

  it('shows the week’s measured time with the stated time apart', () => {
    const start = Date.UTC(2026, 10, 30);
    const summary = summarise(
      { sessions: [session], visits: [], searches: [], skills: SKILLS },
      { start, end: start + 7 * 86_400_000, timeZone: 'UTC' },
    );
    render(<WeekTotals summary={summary} locale="en" />);
    expect(document.body.textContent).toContain('measured 0 sec · stated 5 hr');
  });
});
