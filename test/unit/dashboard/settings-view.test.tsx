// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsView } from '../../../entrypoints/dashboard/views/settings/SettingsView';
import { VIEWS } from '../../../entrypoints/dashboard/views';
import { db } from '../../../lib/store/db';
import { eraseEverything } from '../../../lib/store/erase';
import { loadSettings, updateSettings } from '../../../lib/settings/settings-storage';

afterEach(cleanup);

beforeEach(async () => {
  await eraseEverything(db());
});

async function renderView() {
  render(<SettingsView params={[]} />);
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
}

describe('the Settings view', () => {
  it('before the learner said yes, offers no pause but the way to the welcome page', async () => {
    await renderView();
    expect(screen.queryByRole('button', { name: 'For 1 hour' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Choose on the welcome page' })).toBeTruthy();
  });

  it('is in the dashboard’s navigation', () => {
    expect(VIEWS.find((v) => v.path === 'settings')).toMatchObject({ label: 'navSettings' });
  });

  it('pauses and stores it, where the background watches for it', async () => {
    await updateSettings({ trackingConsent: true });
    await renderView();
    fireEvent.click(screen.getByRole('button', { name: 'For 1 hour' }));
    await waitFor(async () =>
      expect((await loadSettings()).pausedUntil).toBeGreaterThan(Date.now()),
    );
    await screen.findByRole('button', { name: 'Resume' });
  });

  it('stores thresholds in milliseconds from human units', async () => {
    await renderView();
    const minutes = screen.getByLabelText('Continue a session within');
    fireEvent.input(minutes, { target: { value: '45' } });
    fireEvent.change(minutes);
    const seconds = screen.getByLabelText('Minimum reading time');
    fireEvent.input(seconds, { target: { value: '90' } });
    fireEvent.change(seconds);
    await waitFor(async () =>
      expect(await loadSettings()).toMatchObject({
        continueWithinMs: 45 * 60_000,
        minReadingMs: 90_000,
      }),
    );
  });

  it('changes the week start and the reminder', async () => {
    await renderView();
    fireEvent.change(screen.getByLabelText('Weeks start on'), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('Time'), { target: { value: '17:30' } });
    await waitFor(async () =>
      expect(await loadSettings()).toMatchObject({
        weekStart: 0,
        reminderDay: 5,
        reminderTime: '17:30',
      }),
    );
  });

  it('deletes every record and every setting after the typed confirmation', async () => {
    await updateSettings({ sitesOnly: true, excludedSites: ['only.example'] });
    await db().sessions.put({
      id: 's',
      kind: 'reading',
      startedAt: 1,
      endedAt: 2,
      activeMs: 1,
      title: 't',
      url: 'https://a.example/',
      domain: 'a.example',
      skills: [],
      note: '',
      status: 'kept',
      provenance: 'measured',
      updatedAt: 2,
    });
    await db().meta.put({ key: 'installId', value: 'x' });
    await fakeBrowser.storage.local.set({ syncSettings: { endpoint: 'https://lrs.example' } });
    await renderView();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all my data…' }));
    fireEvent.input(screen.getByLabelText('To confirm, type DELETE'), {
      target: { value: 'DELETE' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await screen.findByText('Done. All your Skilltrail data is deleted.');
    for (const table of db().tables) expect(await table.count(), table.name).toBe(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect((await loadSettings()).sitesOnly).toBe(false);
  });

  it('asks for host access when deeper reading evidence is turned on', async () => {
    const request = vi.fn(() => Promise.resolve(true));
    Object.assign(fakeBrowser, { permissions: { ...fakeBrowser.permissions, request } });
    await renderView();
    fireEvent.click(screen.getByLabelText('Deeper reading evidence'));
    expect(request).toHaveBeenCalledTimes(1);
    await waitFor(async () => expect((await loadSettings()).engagement).toBe(true));
  });
});
