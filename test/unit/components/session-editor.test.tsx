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
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(['stats'], '', undefined));
  });
});
