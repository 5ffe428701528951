// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WeekView } from '../../../entrypoints/dashboard/views/week/WeekView';
import { db } from '../../../lib/store/db';
import { uid, weekFixture } from '../../fixtures/week';

const fx = weekFixture();
const S = (n: number) => uid(0x100 + n);

beforeAll(async () => {
  const d = db();
  await d.transaction('rw', [d.sessions, d.visits, d.searches, d.skills, d.captures], async () => {
    await d.sessions.bulkPut(fx.data.sessions);
    await d.visits.bulkPut(fx.data.visits);
    await d.searches.bulkPut(fx.data.searches);
    await d.skills.bulkPut(fx.data.skills);
    await d.captures.bulkPut(fx.data.captures);
  });
});

afterEach(cleanup);

function total(name: string): string {
  const term = screen.getAllByRole('term').find((e) => e.textContent === name)!;
  return term.nextElementSibling?.textContent ?? '';
}

describe('WeekView', () => {
  it('opens the week the route names, with its sessions and totals', async () => {
    render(<WeekView params={['2026-W48']} />);
    await waitFor(() => expect(document.querySelectorAll('.session-card')).toHaveLength(8));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Week 2026-W48');
    // The dismissed session is listed but not counted.
    expect(total('Sessions')).toBe('7');
    expect(total('Searches')).toBe('2');
    // Untagged first.
    expect(document.querySelector('.session-card')?.getAttribute('data-session-id')).toBe(S(7));
  });

  it('shows this week, with a notice, for a route that names no week', async () => {
    render(<WeekView params={['2026-W99']} />);
    await waitFor(() => expect(screen.getByText(/names no week/)).toBeTruthy());
  });

  it('filters by text and kind', async () => {
    render(<WeekView params={['2026-W48']} />);
    await waitFor(() => expect(document.querySelectorAll('.session-card')).toHaveLength(8));
    fireEvent.input(screen.getByLabelText('Search titles, notes and queries'), {
      target: { value: 'auto-fit' },
    });
    await waitFor(() => expect(document.querySelectorAll('.session-card')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'watching' } });
    await waitFor(() => expect(document.querySelectorAll('.session-card')).toHaveLength(1));
    expect(screen.getByText('Showing 1 of 8 sessions')).toBeTruthy();
  });

  it('leaves a session marked "not learning" out of the totals until undone', async () => {
    render(<WeekView params={['2026-W48']} />);
    await waitFor(() => expect(document.querySelectorAll('.session-card')).toHaveLength(8));
    const card = document.querySelector<HTMLElement>(`[data-session-id="${S(7)}"]`)!;
    fireEvent.click(within(card).getByRole('button', { name: 'Not learning' }));
    await waitFor(() => expect(total('Sessions')).toBe('6'));
    expect(card.getAttribute('data-status')).toBe('dismissed');
    // It keeps its place, so the keyboard stays where it was.
    expect(document.querySelector('.session-card')).toBe(card);
    fireEvent.click(within(card).getByRole('button', { name: 'Undo “not learning”' }));
    await waitFor(() => expect(total('Sessions')).toBe('7'));
  });
});
