// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionEditor } from '../../../components/SessionEditor';
import type { Skill } from '../../../lib/model';

afterEach(cleanup);

describe('SessionEditor', () => {
  it('keeps a new skill when Ctrl+Enter saves while the skill is still being stored', async () => {
    let finish: (skill: Skill) => void = () => {};
    const onCreateSkill = vi.fn(() => new Promise<Skill>((resolve) => (finish = resolve)));
    const onSave = vi.fn(async () => {});
    render(
      <SessionEditor
        skills={[]}
        initialSkills={[]}
        initialNote=""
        onCreateSkill={onCreateSkill}
        onSave={onSave}
      />,
    );
    const input = screen.getByRole('combobox', { name: 'Skill' });
    fireEvent.input(input, { target: { value: 'Statistics' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true });
    expect(onSave).not.toHaveBeenCalled();
    finish({
      id: 'stats',
      name: 'Statistics',
      key: 'statistics',
      aliases: [],
      colour: '#000',
      createdAt: 0,
      updatedAt: 0,
    });
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith(['stats'], '', undefined, expect.anything()),
    );
  });

  const made = (id: string, name: string): Skill => ({
    id,
    name,
    key: name.toLowerCase(),
    aliases: [],
    colour: '#000000',
    createdAt: 0,
    updatedAt: 0,
  });

  it('Ctrl+Enter with a new skill still in the field stores it, as Enter would have', async () => {
    const onCreateSkill = vi.fn(async (name: string) => made('new', name));
    const onSave = vi.fn(async () => {});
    render(
      <SessionEditor
        skills={[]}
        initialSkills={[]}
        initialNote=""
        onCreateSkill={onCreateSkill}
        onSave={onSave}
      />,
    );
    const input = screen.getByRole('combobox', { name: 'Skill' });
    fireEvent.input(input, { target: { value: 'Statistics' } });
    fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true });
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith(['new'], '', undefined, expect.anything()),
    );
    expect(onCreateSkill).toHaveBeenCalledWith('Statistics');
    await screen.findByText('Saved');
  });

  it('Save clicked while the suggestion list is open adds the highlighted skill first', async () => {
    const stats = made('stats', 'Statistics');
    const onSave = vi.fn(async () => {});
    render(
      <SessionEditor
        skills={[stats]}
        initialSkills={[]}
        initialNote=""
        onCreateSkill={vi.fn()}
        onSave={onSave}
      />,
    );
    fireEvent.input(screen.getByRole('combobox', { name: 'Skill' }), {
      target: { value: 'Stat' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith(['stats'], '', undefined, expect.anything()),
    );
  });

  it('shows "Saved" only when what is on screen is what was stored', async () => {
    let stored: () => void = () => {};
    const onSave = vi.fn(() => new Promise<void>((resolve) => (stored = resolve)));
    render(
      <SessionEditor
        skills={[]}
        initialSkills={[]}
        initialNote=""
        onCreateSkill={vi.fn()}
        onSave={onSave}
      />,
    );
    const note = screen.getByRole('textbox', { name: 'What did you learn?' });
    fireEvent.input(note, { target: { value: 'first' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith([], 'first', undefined, expect.anything()),
    );
    // Typed while the save was on its way: not stored, so not "Saved".
    fireEvent.input(note, { target: { value: 'first, and more' } });
    stored();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('Saved')).toBeNull();
    expect((note as HTMLTextAreaElement).value).toBe('first, and more');
  });

  it('keeps edits made during a save when the stored session comes back', async () => {
    const onSave = vi.fn(async () => {});
    const props = {
      skills: [made('a', 'A'), made('b', 'B')],
      initialNote: '',
      onCreateSkill: vi.fn(),
      onSave,
    };
    const view = render(<SessionEditor {...props} initialSkills={[]} />);
    const input = screen.getByRole('combobox', { name: 'Skill' });
    fireEvent.input(input, { target: { value: 'A' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith(['a'], '', undefined, expect.anything()),
    );
    fireEvent.input(input, { target: { value: 'B' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    // The store now holds the first save; the screen keeps the second skill.
    view.rerender(<SessionEditor {...props} initialSkills={['a']} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['A×', 'B×']);
  });
});
