import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { justifiedPermissions, missingNotices } from '../web-store-docs';
import { BUILDS } from './harness/extension';

/**
 * Convention tests on the build that ships (`.output/chrome-mv3`, made by `wxt build`
 * before the end-to-end tests): Skilltrail asks for exactly the permissions it explains,
 * takes no host access at install, runs nothing on pages by default, keeps the browser's
 * default Content Security Policy (images only from the package) and loads no code from
 * anywhere but its own package.
 */

/** Every permission, and why, is in docs/web-store/permissions.md; a new one must be added to both. */
const ALLOWED_PERMISSIONS = [
  'activeTab',
  'alarms',
  'contextMenus',
  'downloads',
  'idle',
  'notifications',
  'scripting',
  'storage',
  'tabs',
  'unlimitedStorage',
  'webNavigation',
];
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];

const BUILD = BUILDS.production;
const manifest = JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8')) as Record<
  string,
  unknown
>;

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else out.push(path);
  }
  return out;
}

describe('the shipped manifest', () => {
  it('exists (run `npx wxt build` first)', () => {
    expect(existsSync(join(BUILD, 'manifest.json'))).toBe(true);
  });

  it('asks for exactly the allowed permissions', () => {
    expect([...(manifest.permissions as string[])].sort()).toEqual(ALLOWED_PERMISSIONS);
  });

  it('takes no host access at install; asks for web pages only when a feature needs them', () => {
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
  });

  it('names no popup, so a click reaches the background, which captures and opens the popup', () => {
    expect(manifest.action).toEqual({ default_title: '__MSG_actionTitle__' });
    // The popup is opened with action.openPopup() (Chrome 127); badges are signed with
    // WebCrypto Ed25519 (Chrome 137).
    expect(manifest.minimum_chrome_version).toBe('137');
    expect(existsSync(join(BUILD, 'popup.html'))).toBe(true);
  });

  it('never runs in private windows, and does not offer to', () => {
    expect(manifest.incognito).toBe('not_allowed');
  });

  it('runs no content script on any page by default', () => {
    // WXT writes an empty list when a script is registered at runtime instead.
    expect(manifest.content_scripts ?? []).toEqual([]);
  });

  it('loads nothing remote on its pages, and exposes nothing to pages or other extensions', () => {
    // MV3's default policy, plus images only from the package or data: URLs.
    expect(manifest.content_security_policy).toEqual({
      extension_pages: "script-src 'self'; object-src 'self'; img-src 'self' data:",
    });
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('justifies every permission in docs/web-store/permissions.md', () => {
    const documented = justifiedPermissions();
    for (const permission of [
      ...(manifest.permissions as string[]),
      ...(manifest.optional_host_permissions as string[]),
    ]) {
      expect(documented, `docs/web-store/permissions.md lacks ${permission}`).toContain(permission);
    }
  });
});

describe('the shipped code', () => {
  const all = files(BUILD);

  it('ships the licence of every package it bundles', () => {
    expect(missingNotices(BUILD)).toEqual([]);
  });

  it('names the project’s home page', () => {
    const { homepage } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as {
      homepage: string;
    };
    expect(manifest.homepage_url).toBe(homepage);
  });

  it('loads scripts and styles only from its own package', () => {
    for (const file of all.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      for (const [, url] of html.matchAll(/(?:src|href)="([^"]*)"/g)) {
        expect(url, file).toMatch(/^\/(?!\/)/);
      }
    }
  });

  it('evaluates no strings as code and imports nothing remote', () => {
    for (const file of all.filter((f) => f.endsWith('.js'))) {
      const js = readFileSync(file, 'utf8');
      expect(js, file).not.toMatch(/\beval\(|new Function\(|importScripts\(\s*['"`]https?:/);
      expect(js, file).not.toMatch(/\bimport\(\s*['"`]https?:/);
    }
  });
});
