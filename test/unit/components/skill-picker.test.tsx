// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SkillPicker } from '../../../components/SkillPicker';
import type { Skill } from '../../../lib/model';
import { skillKey } from '../../../lib/skills/names';

const skill = (id: string, name: string, aliases: string[] = []): Skill => ({
  id,
  name,
  key: skillKey(name),
  aliases,
  colour: '#1d4ed8',
  createdAt: 0,
  updatedAt: 0,
});

const skills = [
  skill('css', 'CSS'),
  skill('grid', 'CSS grid'),
  skill('a11y', 'Accessibility', ['a11y']),
];

afterEach(cleanup);

function setup(selected: string[] = []) {
  const onChange = vi.fn();
  const onCreate = vi.fn(async (name: string) => skill('new', name));
  render(
    <SkillPicker skills={skills} selected={selected} onChange={onChange} onCreate={onCreate} />,
  );
  const input = screen.getByRole('combobox', { name: 'Skill' });
  return { input, onChange, onCreate };
}

describe('SkillPicker', () => {
  it('is a labelled combobox whose options follow typing, case- and space-insensitively', () => {
    const { input } = setup();
    fireEvent.input(input, { target: { value: '  Css ' } });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['CSS', 'CSS grid']);
  });

  it('adds the highlighted skill with Enter, moving with the arrow keys', async () => {
    const { input, onChange } = setup();
    fireEvent.input(input, { target: { value: 'css' } });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toMatch(/opt-1$/);
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(['grid']));
  });

  it('creates a new skill when nothing has that name', async () => {
    const { input, onChange, onCreate } = setup(['css']);
    fireEvent.input(input, { target: { value: 'Web accessibility testing' } });
    expect(screen.getAllByRole('option').at(-1)?.textContent).toContain(
      'Web accessibility testing',
    );
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(onCreate).toHaveBeenCalledWith('Web accessibility testing'));
    expect(onChange).toHaveBeenCalledWith(['css', 'new']);
  });

  it('finds skills by alias and lets each chosen skill be removed by name', () => {
    const { input, onChange } = setup(['a11y']);
    fireEvent.input(input, { target: { value: 'a11' } });
    expect(screen.queryAllByRole('option').map((o) => o.textContent)).not.toContain(
      'Accessibility',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove Accessibility' }));
    expect(onChange).toHaveBeenCalledWith([]);
  });
});
