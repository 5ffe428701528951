// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LookBackReview } from '../../../components/look-back/LookBackReview';
import { candidatesByDay } from '../../../lib/look-back/by-day';
import type { LookBackCandidate } from '../../../lib/look-back/group';
import type { Skill } from '../../../lib/model';
import { skillKey } from '../../../lib/skills/names';

afterEach(cleanup);

const DAY = 24 * 3600_000;

const candidate = (id: string, title: string, startedAt: number): LookBackCandidate => ({
  id,
  kind: 'reading',
  title,
  url: `https://docs.example.org/${id}`,
  domain: 'docs.example.org',
  queries: [],
  pages: [],
  startedAt,
  endedAt: startedAt,
  estimatedMs: 0,
});

function renderReview(candidates: LookBackCandidate[]) {
  const onKeep = vi.fn((_c: LookBackCandidate, _skills: readonly string[]) => Promise.resolve());
  const onCreateSkill = vi.fn(async (name: string): Promise<Skill> => {
    // Stored a moment later, as the database answers.
    await new Promise((r) => setTimeout(r, 5));
    return {
      id: `id-${name}`,
      name,
      key: skillKey(name),
      aliases: [],
      colour: '#1d4ed8',
      createdAt: 0,
      updatedAt: 0,
    };
  });
  render(
    <LookBackReview
      days={candidatesByDay(candidates)}
      skills={[]}
      suggest={() => Promise.resolve([])}
      onCreateSkill={onCreateSkill}
      onKeep={onKeep}
    />,
  );
  return { onKeep, onCreateSkill };
}

describe('LookBackReview', () => {
  const noon = new Date().setHours(12, 0, 0, 0);

  it('keeps a skill typed but not entered when Keep is pressed', async () => {
    const { onKeep, onCreateSkill } = renderReview([candidate('a', 'VLOOKUP', noon)]);
    fireEvent.input(screen.getByRole('combobox', { name: 'Skill' }), {
      target: { value: 'Spreadsheets' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    await screen.findByText('Kept, from history.');
    expect(onCreateSkill).toHaveBeenCalledWith('Spreadsheets');
    expect(onKeep).toHaveBeenCalledTimes(1);
    expect(onKeep.mock.calls[0]![1]).toEqual(['id-Spreadsheets']);
  });

  it('keeps with Ctrl+Enter from the skill field, with the skill typed there', async () => {
    const { onKeep } = renderReview([candidate('a', 'VLOOKUP', noon)]);
    const field = screen.getByRole('combobox', { name: 'Skill' });
    fireEvent.input(field, { target: { value: 'Spreadsheets' } });
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    await screen.findByText('Kept, from history.');
    expect(onKeep.mock.calls[0]![1]).toEqual(['id-Spreadsheets']);
  });

  it('keeps a skill entered just before Keep, once, beside one typed after it', async () => {
    const { onKeep } = renderReview([candidate('a', 'VLOOKUP', noon)]);
    const field = screen.getByRole('combobox', { name: 'Skill' });
    fireEvent.input(field, { target: { value: 'Excel' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.input(field, { target: { value: 'Spreadsheets' } });
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    await screen.findByText('Kept, from history.');
    expect(onKeep.mock.calls[0]![1]).toEqual(['id-Excel', 'id-Spreadsheets']);
  });

  it('shows 20 at a time, the next on request with its first title focused; a day is kept whole', async () => {
    // 25 on each of two days.
    const { onKeep } = renderReview(
      Array.from({ length: 50 }, (_, i) =>
        candidate(`c${i}`, `Page ${i}`, noon - (i < 25 ? 0 : DAY) - i * 60_000),
      ),
    );
    expect(screen.getByText('Found 50 to review.')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Keep' })).toHaveLength(20);
    expect(screen.queryByText('Page 20')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show 20 more (30 not shown yet)' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Keep' })).toHaveLength(40));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Page 20'));
    fireEvent.click(screen.getByRole('button', { name: 'Show 10 more (10 not shown yet)' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Keep' })).toHaveLength(50));
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();

    // "Keep all" of the second day keeps its 25, and nothing of the first.
    fireEvent.click(screen.getAllByRole('button', { name: /^Keep all of/ })[1]!);
    await waitFor(() => expect(onKeep).toHaveBeenCalledTimes(25));
    expect(onKeep.mock.calls.map(([c]) => c.id)).toEqual(
      Array.from({ length: 25 }, (_, i) => `c${i + 25}`),
    );
  });
});
