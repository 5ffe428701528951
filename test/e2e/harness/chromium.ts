import { existsSync } from 'node:fs';

/** Debian's Chromium, or `$CHROME_PATH`. Tests never download a browser. */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium is not installed at ${path}. Install it with "apt-get install chromium" (or set CHROME_PATH).`,
    );
  }
  return path;
}

/** Debian's Firefox ESR, or `$FIREFOX_PATH`. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox ESR is not installed at ${path}. Install it with "apt-get install firefox-esr" (or set FIREFOX_PATH).`,
    );
  }
  return path;
}
