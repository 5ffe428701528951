// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/popup/App';
import { startOpening } from '../../../entrypoints/popup/opening';
import type { CaptureResult } from '../../../lib/messages';
import { PAUSED_UNTIL_RESUMED } from '../../../lib/settings/settings';
import { updateSettings } from '../../../lib/settings/settings-storage';
import { db } from '../../../lib/store/db';
import { eraseEverything } from '../../../lib/store/erase';
import { recordCapture } from '../../../lib/store/sessions';
import { ensureSkill } from '../../../lib/store/skills';

afterEach(cleanup);

let tabId: number;
/** What the background answers: the capture as stored, with the skills. */
let reply: CaptureResult;
const sendMessage = vi.fn(async (_message: unknown): Promise<unknown> => reply);

beforeEach(async () => {
  await eraseEverything(db());
  await updateSettings({ trackingConsent: true });
  const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/grid', active: true });
  tabId = tab.id!;
  // The tab in front, as the browser answers a popup's query for it.
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [tab]);
  const css = await ensureSkill(db(), 'CSS', 1_000);
  const { session, capture } = await recordCapture(
    db(),
    {
      url: 'https://example.org/grid',
      title: 'CSS grid, a guide',
      wordCount: 900,
      readerable: true,
    },
    { now: 2_000 },
  );
  reply = { ok: true, session, capture, skills: [css] };
  sendMessage.mockClear();
  Object.assign(fakeBrowser.runtime, { sendMessage });
});

describe('the popup opening', () => {
  it('opened plain (Firefox, or the manifest popup), finds its tab, asks for its capture and shows it with the skill field', async () => {
    render(<App opening={startOpening()} />);

    await screen.findByRole('heading', { name: 'CSS grid, a guide' });
    expect(screen.getByRole('combobox')).toBeTruthy();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'capture-tab', tabId });
    expect(screen.getByRole('button', { name: /Never record/ })).toBeTruthy();
  });

  it('opened by a click that named its tab, asks for that capture before it knows its tab', async () => {
    let answerQuery!: () => void;
    const tab = await fakeBrowser.tabs.get(tabId);
    vi.mocked(fakeBrowser.tabs.query).mockImplementation(
      () => new Promise((done) => (answerQuery = () => done([tab]))),
    );

    render(<App opening={startOpening(tabId)} />);

    await vi.waitFor(() =>
      expect(sendMessage).toHaveBeenCalledWith({ type: 'capture-tab', tabId }),
    );
    expect(screen.queryByRole('heading', { name: 'CSS grid, a guide' })).toBeNull();
    answerQuery();
    await screen.findByRole('heading', { name: 'CSS grid, a guide' });
    expect(sendMessage).toHaveBeenCalledOnce();
  });

  it('while paused, captures nothing and says so', async () => {
    await updateSettings({ pausedUntil: PAUSED_UNTIL_RESUMED });

    render(<App opening={startOpening()} />);

    await screen.findByText('While paused, this page is not captured.');
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('says why when the background could not capture', async () => {
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection.'));

    render(<App opening={startOpening()} />);

    await screen.findByText(/Something went wrong while saving this page/);
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
