// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LookBack } from '../../../components/look-back/LookBack';
import type { LookBackCandidate } from '../../../lib/look-back/group';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { fakeHistory } from '../look-back/fake-history';

afterEach(cleanup);

const MIN = 60_000;

/** The browser: a history of a search with a result and an article, and a permission answer. */
function browserWith(granted: boolean) {
  const t0 = Date.now() - 60 * MIN;
  const history = fakeHistory([
    { id: '1', url: 'https://duckduckgo.com/?q=printer+jam', at: t0 },
    { id: '2', url: 'https://fix.example/printer', title: 'Fix a jam', at: t0 + MIN, from: '1' },
    {
      id: '3',
      url: 'https://docs.example.org/sheets/vlookup',
      title: 'VLOOKUP',
      at: t0 + 30 * MIN,
      transition: 'typed',
    },
  ]);
  const search = vi.fn(history.search);
  const request = vi.fn(() => Promise.resolve(granted));
  const contains = vi.fn(() => Promise.resolve(false));
  const remove = vi.fn(() => Promise.resolve(true));
  Object.assign(fakeBrowser, {
    permissions: { ...fakeBrowser.permissions, request, contains, remove },
    history: { search, getVisits: history.getVisits },
  });
  return { search, request, remove };
}

function renderLookBack() {
  const keep = vi.fn((_c: LookBackCandidate, _skills: readonly string[]) => Promise.resolve());
  render(
    <LookBack
      settings={{ ...DEFAULT_SETTINGS, trackingConsent: true }}
      skills={[]}
      read={() => Promise.resolve({ spans: [], history: { skills: [], sessions: [] } })}
      keep={keep}
      createSkill={() => Promise.reject(new Error('not in this test'))}
    />,
  );
  return { keep };
}

const START = /Find learning in your browser’s history from the last 4 week/;

describe('Look back', () => {
  it('reads nothing before the click; refused, says so and reads nothing', async () => {
    const { search, request, remove } = browserWith(false);
    const { keep } = renderLookBack();
    expect(search).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: START }));
    // Asked during the click itself.
    expect(request).toHaveBeenCalledWith({ permissions: ['history'] });
    await screen.findByText(/did not allow reading its history/);
    expect(search).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
    expect(keep).not.toHaveBeenCalled();
  });

  it('says the browser is asking while its question waits, and reads nothing until it is answered', async () => {
    const { search, request } = browserWith(true);
    let answer: (granted: boolean) => void = () => {};
    request.mockImplementation(() => new Promise<boolean>((resolve) => (answer = resolve)));
    renderLookBack();
    fireEvent.click(screen.getByRole('button', { name: START }));
    await screen.findByText(/Your browser is asking whether Skilltrail may read your history/);
    expect(screen.getByRole('button', { name: START })).toHaveProperty('disabled', true);
    expect(search).not.toHaveBeenCalled();
    answer(false);
    await screen.findByText(/did not allow reading its history/);
    expect(screen.queryByText(/Your browser is asking/)).toBeNull();
    expect(search).not.toHaveBeenCalled();
  });

  it('offers what it found, gives the permission back, and keeps only what is kept', async () => {
    const { remove } = browserWith(true);
    const { keep } = renderLookBack();
    fireEvent.click(screen.getByRole('button', { name: START }));
    await screen.findByText('Found 2 to review.');
    await waitFor(() => expect(remove).toHaveBeenCalledWith({ permissions: ['history'] }));
    expect(screen.getByText('Searched: printer jam')).toBeTruthy();
    expect(screen.getByText(/Fix a jam/)).toBeTruthy();

    const keepButtons = screen.getAllByRole('button', { name: 'Keep' });
    fireEvent.click(keepButtons[0]!);
    await screen.findByText('Kept, from history.');
    expect(keep).toHaveBeenCalledTimes(1);
    expect(keep.mock.calls[0]![0].title).toBe('VLOOKUP');

    // Around midnight the two are on two days: dismiss every day.
    for (const b of screen.getAllByRole('button', { name: /^Dismiss all of/ })) fireEvent.click(b);
    await screen.findByText('Dismissed: not saved.');
    expect(keep).toHaveBeenCalledTimes(1);
  });

  it('keeps the permission when the learner asks to', async () => {
    const { remove } = browserWith(true);
    renderLookBack();
    fireEvent.click(screen.getByLabelText('Keep the permission to read history afterwards'));
    fireEvent.click(screen.getByRole('button', { name: START }));
    await screen.findByText('Found 2 to review.');
    expect(remove).not.toHaveBeenCalled();
  });
});
