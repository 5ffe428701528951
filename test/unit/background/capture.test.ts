import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  captureAndOpenPopup,
  captureForPopup,
  captureTab,
} from '../../../entrypoints/background/capture';
import { clickedTabOf } from '../../../lib/messages';
import { PAUSED_UNTIL_RESUMED } from '../../../lib/settings/settings';
import { updateSettings } from '../../../lib/settings/settings-storage';
import { db } from '../../../lib/store/db';
import { eraseEverything } from '../../../lib/store/erase';
import { ensureSkill } from '../../../lib/store/skills';

/** What the capture script reports of a page. */
const ARTICLE = {
  documentTitle: 'CSS grid, a guide',
  readerable: true,
  article: { title: 'CSS grid, a guide', byline: 'Ada', excerpt: 'Rows.', wordCount: 400 },
};

/** The browser's per-tab popup, as the click sets it (not in the fake browser). */
const setPopup = vi.fn(async (_: { tabId?: number; popup: string }) => {});
const openPopup = vi.fn(async () => {});

beforeEach(async () => {
  fakeBrowser.reset();
  await eraseEverything(db());
  setPopup.mockClear();
  openPopup.mockClear();
  Object.assign(fakeBrowser.action, { setPopup, openPopup });
  Object.assign(fakeBrowser, {
    scripting: { executeScript: vi.fn(async () => [{ result: ARTICLE }]) },
  });
});

describe("the popup's capture reply", () => {
  it('carries the stored session and capture, and every skill, most recently updated first', async () => {
    await ensureSkill(db(), 'CSS', 1_000);
    await ensureSkill(db(), 'Accessibility', 3_000);
    await ensureSkill(db(), 'Grid', 2_000);
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/grid', active: true });

    const reply = await captureForPopup(tab.id!);

    if (!reply.ok) throw new Error(`not captured: ${reply.reason}`);
    expect(reply.session).toEqual(await db().sessions.get(reply.session.id));
    expect(reply.capture).toEqual(await db().captures.get(reply.capture.id));
    expect(reply.capture).toMatchObject({ url: 'https://example.org/grid', byline: 'Ada' });
    expect(reply.skills.map((s) => s.name)).toEqual(['Accessibility', 'Grid', 'CSS']);
  });

  it("is the popup's alone: a capture without a popup (shortcut, menu, reading) reads no skills", async () => {
    await ensureSkill(db(), 'CSS', 1_000);
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/grid', active: true });
    const read = vi.spyOn(db().skills, 'toArray');

    const stored = await captureTab(tab.id!);

    expect(stored).toMatchObject({ ok: true });
    expect(stored).not.toHaveProperty('skills');
    expect(read).not.toHaveBeenCalled();
  });
});

describe('a toolbar click', () => {
  it('opens a popup that names the tab whose capture the click started, and hands it that capture', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/grid', active: true });

    // The popup opens once the capture is stored, so that making it slows neither the page's
    // reading nor the write.
    let storedWhenOpened = -1;
    openPopup.mockImplementationOnce(async () => {
      storedWhenOpened = await db().captures.count();
    });

    await captureAndOpenPopup(tab as Browser.tabs.Tab);

    expect(storedWhenOpened).toBe(1);
    const named = setPopup.mock.calls[0]![0].popup;
    expect(clickedTabOf(new URL(named, 'chrome-extension://x/').search)).toBe(tab.id);
    expect(openPopup).toHaveBeenCalledOnce();
    // The popup asks for the click's capture: the same one, not a second.
    const reply = await captureForPopup(tab.id!);
    expect(reply.ok).toBe(true);
    expect(await db().captures.count()).toBe(1);
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledOnce();
    // The next click comes to the background again.
    expect(setPopup).toHaveBeenLastCalledWith({ tabId: tab.id, popup: '' });
  });

  it('names no tab while recording is paused: the click captured nothing', async () => {
    await updateSettings({ pausedUntil: PAUSED_UNTIL_RESUMED });
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/grid', active: true });

    await captureAndOpenPopup(tab as Browser.tabs.Tab);

    expect(setPopup.mock.calls[0]![0]).toEqual({ tabId: tab.id, popup: '/popup.html' });
    expect(fakeBrowser.scripting.executeScript).not.toHaveBeenCalled();
  });
});
