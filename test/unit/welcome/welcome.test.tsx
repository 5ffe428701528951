// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerWelcome } from '../../../entrypoints/background/welcome';
import { App } from '../../../entrypoints/welcome/App';
import { db } from '../../../lib/store/db';
import { eraseEverything } from '../../../lib/store/erase';
import { loadSettings, updateSettings } from '../../../lib/settings/settings-storage';
import { STARTER_SKILLS } from '../../../lib/skills/starter';

/** Writing skills waits on IndexedDB: on a loaded machine that takes more than a second. */
const SLOW = { timeout: 10_000 };

afterEach(cleanup);
beforeEach(async () => {
  await eraseEverything(db());
});

describe('the welcome page opens', () => {
  it.each([
    ['install', 1],
    ['update', 0],
    ['browser_update', 0],
  ] as const)('on %s: %i tab', async (reason, tabs) => {
    registerWelcome();
    // Firefox's browser_update (and its `temporary`) are outside the fake's Chrome types.
    await fakeBrowser.runtime.onInstalled.trigger({ reason: reason as 'update' });
    const open = await fakeBrowser.tabs.query({});
    expect(open.filter((t) => t.url?.endsWith('/welcome.html'))).toHaveLength(tabs);
  });
});

describe('the welcome page', () => {
  async function renderPage() {
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Skilltrail' });
    await screen.findByRole('group', { name: /change these at any time/ });
  }

  it('says what Skilltrail notices, what it never does, and that nothing leaves the device', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { name: 'What Skilltrail notices' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What it never does' })).toBeTruthy();
    expect(screen.getByText(/Nothing leaves it unless you export it yourself/)).toBeTruthy();
    expect(screen.getByText(/private \(incognito\) windows/)).toBeTruthy();
  });

  it('adds the starter skills picked and the learner’s own', async () => {
    await renderPage();
    const [first, second] = STARTER_SKILLS;
    fireEvent.click(screen.getByLabelText(first!.name));
    fireEvent.click(screen.getByLabelText(second!.name));
    fireEvent.input(screen.getByLabelText('Your own skills'), {
      target: { value: 'Spanish,  data analysis ,' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add these skills' }));
    await screen.findByText('Skills added.', undefined, SLOW);
    const names = (await db().skills.toArray()).map((s) => s.name).sort();
    expect(names).toEqual([first!.name, second!.name, 'Spanish', 'data analysis'].sort());
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Your skills' }).textContent).toContain('Spanish'),
    );
  });

  it('names the starter skills in the interface language, and adds them so named', async () => {
    const spanish = JSON.parse(readFileSync('public/_locales/es/messages.json', 'utf8')) as Record<
      string,
      { message: string }
    >;
    Object.assign(fakeBrowser.i18n, {
      getUILanguage: () => 'es-MX',
      getMessage: (key: string) => spanish[key]?.message ?? '',
    });
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Te damos la bienvenida a Skilltrail' });
    expect(screen.queryByLabelText('Teamwork')).toBeNull();
    fireEvent.click(screen.getByLabelText('Trabajo en equipo'));
    fireEvent.click(screen.getByRole('button', { name: 'Añadir estas habilidades' }));
    await screen.findByText('Habilidades añadidas.', undefined, SLOW);
    const [teamwork] = await db().skills.toArray();
    expect(teamwork).toMatchObject({ name: 'Trabajo en equipo' });
    expect(teamwork?.aliases).toContain('Teamwork');
  });

  it('stores the privacy choices', async () => {
    await renderPage();
    fireEvent.click(screen.getByLabelText('Record sites only'));
    await waitFor(async () => expect((await loadSettings()).sitesOnly).toBe(true));
  });

  it('asks before recording: an agree button on a fresh install', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { name: 'Turn on Skilltrail' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn on Skilltrail' }));
    await waitFor(async () => expect((await loadSettings()).trackingConsent).toBe(true));
    await screen.findByRole('heading', { name: 'Skilltrail is on' });
  });

  it('says how to pause once the learner agreed', async () => {
    await updateSettings({ trackingConsent: true });
    await renderPage();
    expect(screen.queryByRole('button', { name: 'Turn on Skilltrail' })).toBeNull();
    expect(screen.getByText(/To pause it, open Settings/)).toBeTruthy();
  });
});

describe('tracking consent', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it.each([
    ['Chromium', false],
    ['Firefox', true],
  ])('waits for the learner to agree in %s builds', async (_name, firefox) => {
    if (firefox) vi.stubEnv('FIREFOX', true as unknown as string);
    vi.resetModules();
    const store = await import('../../../lib/settings/settings-storage');
    expect((await store.loadSettings()).trackingConsent).toBe(false);
    await store.updateSettings({ trackingConsent: true });
    expect((await store.loadSettings()).trackingConsent).toBe(true);
  });

  it('is off again once "Delete all my data" cleared the settings', async () => {
    await updateSettings({ trackingConsent: true, sitesOnly: true });
    await fakeBrowser.storage.local.clear();
    expect(await loadSettings()).toMatchObject({ trackingConsent: false, sitesOnly: false });
  });
});
