// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionEditor } from '../../../components/SessionEditor';
import { SuggestedSkills, suggestionReasonText } from '../../../components/popup/SuggestedSkills';
import type { Skill } from '../../../lib/model';
import { skillKey } from '../../../lib/skills/names';
import type { Suggestion, SuggestionReason } from '../../../lib/suggest/rank';

const skill = (id: string, name: string): Skill => ({
  id,
  name,
  key: skillKey(name),
  aliases: [],
  colour: '#1d4ed8',
  createdAt: 0,
  updatedAt: 0,
});

const SKILLS = [skill('css', 'CSS'), skill('a11y', 'Accessibility'), skill('js', 'JavaScript')];

const SUGGESTIONS: Suggestion[] = [
  {
    skillId: 'css',
    name: 'CSS',
    score: 3,
    reasons: [{ kind: 'site', domain: 'example.org', sessions: 2 }],
  },
  {
    skillId: 'a11y',
    name: 'Accessibility',
    score: 2,
    reasons: [{ kind: 'words', words: ['contrast', 'focus'] }],
  },
  { skillId: 'js', name: 'JavaScript', score: 1, reasons: [{ kind: 'often', sessions: 4 }] },
];

afterEach(cleanup);

function setup(initialSkills: string[] = [], found = SUGGESTIONS) {
  const load = vi.fn(async (_sessionId: string) => found);
  const onSave = vi.fn(async () => {});
  render(
    <SessionEditor
      skills={SKILLS}
      initialSkills={initialSkills}
      initialNote=""
      onCreateSkill={async (name) => skill('new', name)}
      onSave={onSave}
      suggestions={(add, selected) => (
        <SuggestedSkills sessionId="s1" load={load} selected={selected} onAdd={add} />
      )}
    />,
  );
  return { load, onSave };
}

const chosen = () =>
  screen.queryByRole('list', { name: 'Skills for this session' })
    ? within(screen.getByRole('list', { name: 'Skills for this session' }))
        .getAllByRole('listitem')
        .map((li) => li.querySelector('span')?.textContent)
    : [];

describe('SuggestedSkills', () => {
  it('shows the suggestions as buttons named for what they do, each with its reason', async () => {
    const { load } = setup();
    // Nothing is read while the editor first renders: the capture is painted first.
    expect(load).not.toHaveBeenCalled();
    const css = await screen.findByRole('button', { name: 'Add suggested skill CSS' });
    expect(load).toHaveBeenCalledWith('s1');
    expect(css.textContent).toBe('+ CSS');
    expect(css.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(css.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Same site',
    );
    expect(screen.getByText('Matching words: contrast, focus')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Suggested skills' })).toBeTruthy();
  });

  it('adds a skill in one click, hides its chip and keeps the keyboard on the next one', async () => {
    const { onSave } = setup();
    const css = await screen.findByRole('button', { name: 'Add suggested skill CSS' });
    css.focus();
    fireEvent.click(css);
    await waitFor(() => expect(chosen()).toEqual(['CSS']));
    expect(screen.queryByRole('button', { name: 'Add suggested skill CSS' })).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Add suggested skill Accessibility' }),
    );
    expect(screen.getByText('Added CSS.').getAttribute('role')).toBe('status');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith(['css'], '', undefined, expect.anything()),
    );
  });

  it('never suggests what is already chosen, and returns focus to the skill field at the end', async () => {
    setup(['css', 'a11y']);
    const js = await screen.findByRole('button', { name: 'Add suggested skill JavaScript' });
    expect(screen.getAllByRole('button', { name: /^Add suggested skill/ })).toHaveLength(1);
    js.focus();
    fireEvent.click(js);
    await waitFor(() => expect(chosen()).toEqual(['CSS', 'Accessibility', 'JavaScript']));
    expect(screen.queryByRole('list', { name: 'Suggested skills' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Skill' }));
  });

  it('shows nothing when there is nothing to suggest', async () => {
    const { load } = setup([], []);
    await waitFor(() => expect(load).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: /^Add suggested skill/ })).toBeNull();
  });

  it.each<[SuggestionReason, string]>([
    [{ kind: 'same-session' }, 'Used in this session before'],
    [{ kind: 'same-search', query: 'grid gap' }, 'Same search as before'],
    [{ kind: 'site', domain: 'example.org', sessions: 3 }, 'Same site'],
    [{ kind: 'words', words: ['grid', 'areas'] }, 'Matching words: grid, areas'],
    [{ kind: 'name', words: ['css'] }, 'Named on this page'],
    [{ kind: 'often', sessions: 9 }, 'Often used'],
    [{ kind: 'recent', lastUsedAt: 0 }, 'Used recently'],
  ])('words the reason %o as “%s”', (reason, text) => {
    expect(suggestionReasonText(reason)).toBe(text);
  });
});
