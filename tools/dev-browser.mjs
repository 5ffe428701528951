// Before `npm run dev` (and `dev:firefox`) builds and opens a browser window with the
// development build loaded: on an older Node, or on Linux without a display for that window,
// it stops in one line saying why and what to do, instead of the browser's crash after the build.
import './require-node.mjs';

const browser = process.argv[2] === 'firefox' ? 'Firefox' : 'Chromium';
const script = browser === 'Firefox' ? 'dev:firefox' : 'dev';
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    `npm run ${script} opens ${browser} in a window, and there is no display here (DISPLAY and ` +
      `WAYLAND_DISPLAY are unset): run it in a desktop session or under a virtual display ` +
      `(xvfb-run npm run ${script}), or run npm run build${browser === 'Firefox' ? ':firefox' : ''} ` +
      `and load .output/${browser === 'Firefox' ? 'firefox' : 'chrome'}-mv3 in the browser.`,
  );
  process.exit(1);
}
