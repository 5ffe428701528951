// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { WeekStory } from '@/components/week/WeekStory';
import type { WeekStory as Story } from '@/lib/week/story';

afterEach(cleanup);

const MIN = 60_000;

function story(fields: Partial<Story> = {}): Story {
  return {
    skills: [
      { skillId: 'css', name: 'CSS', activeMs: 30 * MIN },
      { skillId: 'sql', name: 'SQL', activeMs: 12 * MIN },
    ],
    reflectionCount: 2,
    reflections: [
      { sessionId: 's2', at: 2, title: 'Joins explained', text: 'Joins match rows.' },
      { sessionId: 's1', at: 1, title: 'Grid guide', text: 'Grid areas name parts.' },
    ],
    grew: [
      { skillId: 'css', name: 'CSS', activeMs: 30 * MIN, previousMs: 10 * MIN },
      { skillId: 'sql', name: 'SQL', activeMs: 12 * MIN, previousMs: 0 },
    ],
    singleSource: [{ skillId: 'sql', name: 'SQL', site: 'db.example' }],
    streak: { weeks: 3, includesThisWeek: true },
    ...fields,
  };
}

describe('WeekStory', () => {
  it('tells what was learned, what grew, a second-view prompt and the streak', () => {
    render(<WeekStory story={story()} locale="en" />);
    const section = screen.getByRole('region', { name: 'Your week in words' });
    expect(section.textContent).toContain('You learned about CSS and SQL.');
    expect(section.textContent).toContain('Reflections written: 2.');
    const words = screen.getByRole('list', { name: 'In your own words' });
    expect(words.querySelectorAll('li')).toHaveLength(2);
    expect(words.textContent).toContain('Joins match rows.');
    const grew = screen.getByRole('list', { name: 'More time than the week before' });
    expect([...grew.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'CSS: 30 min (the week before: 10 min)',
      'SQL: 12 min, new this week',
    ]);
    expect(section.textContent).toContain(
      'SQL: all from one site (db.example). Want a second view?',
    );
    expect(section.textContent).toContain('Weeks in a row with a reflection: 3.');
  });

  it('says nothing about what is missing', () => {
    render(
      <WeekStory
        story={story({
          reflectionCount: 0,
          reflections: [],
          grew: [],
          singleSource: [],
          streak: { weeks: 0, includesThisWeek: false },
        })}
        locale="en"
      />,
    );
    const section = screen.getByRole('region');
    expect(section.textContent).toBe('Your week in wordsYou learned about CSS and SQL. ');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('names a streak that ended the week before as such', () => {
    render(
      <WeekStory story={story({ streak: { weeks: 2, includesThisWeek: false } })} locale="en" />,
    );
    expect(
      screen.getByText('Weeks in a row with a reflection, up to the week before: 2.'),
    ).toBeTruthy();
  });

  it('stays away from an empty week', () => {
    const { container } = render(
      <WeekStory story={story({ skills: [], reflectionCount: 0, reflections: [] })} locale="en" />,
    );
    expect(container.innerHTML).toBe('');
  });
});
