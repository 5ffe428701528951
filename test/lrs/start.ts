/**
 * Starts and stops the test LRS (`xapi-statements@5.0.1`, in memory, fake auth) on a free
 * loopback port, for integration tests and benchmarks. GPL-3.0: it lives in test/lrs with
 * its own package.json and is never bundled.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LRS_DIR = fileURLToPath(new URL('.', import.meta.url));
const ENTRY = join(LRS_DIR, 'node_modules/xapi-statements/dist/index.js');

export interface RunningLrs {
  /** The xAPI base URL, e.g. `http://127.0.0.1:40123/xAPI`. */
  endpoint: string;
  port: number;
  /** Stops the process and removes its scratch folder; its statements are gone. */
  stop(): Promise<void>;
}

/**
 * Makes sure the test LRS is installed. Outside CI a missing install is done here
 * (`npm ci --prefix test/lrs`); in CI it must have been done by the CI script.
 */
export function ensureLrsInstalled(): void {
  if (existsSync(ENTRY)) return;
  if (process.env.CI) {
    throw new Error(
      'The test LRS is not installed: run `npm ci --prefix test/lrs` before the integration tests.',
    );
  }
  const run = spawnSync('npm', ['ci', '--prefix', LRS_DIR], { stdio: 'inherit' });
  if (run.status !== 0 || !existsSync(ENTRY)) {
    throw new Error(
      'Installing the test LRS failed: run `npm ci --prefix test/lrs` and look at its output.',
    );
  }
}

/** A port nobody listens on right now (the LRS cannot be told to pick one itself). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The test LRS exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(url, { headers: { 'X-Experience-API-Version': '1.0.3' } });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The test LRS did not answer ${url} within 30 s:\n${log()}`);
}

/**
 * Starts a fresh, empty LRS. Retries on another port if the chosen one was taken meanwhile.
 * @example const lrs = await startLrs(); … await lrs.stop();
 */
export async function startLrs(options: { port?: number } = {}): Promise<RunningLrs> {
  ensureLrsInstalled();
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await launch(port);
    } catch (error) {
      lastError = error;
      if (options.port !== undefined) break;
    }
  }
  throw lastError;
}

async function launch(port: number): Promise<RunningLrs> {
  const scratch = mkdtempSync(join(tmpdir(), 'skilltrail-lrs-'));
  let output = '';
  const child = spawn(process.execPath, [ENTRY], {
    // The scratch folder as cwd: the service reads `.env` and writes `./storage` there.
    cwd: scratch,
    env: {
      PATH: process.env.PATH,
      AUTH_REPO: 'test',
      EVENTS_REPO: 'test',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      FS_LOCAL_STORAGE_DIR: join(scratch, 'storage'),
      EXPRESS_MORGAN_DIRECTORY: join(scratch, 'logs'),
      EXPRESS_PORT: String(port),
      SERVICE_AWAIT_UPDATES: 'true',
      WINSTON_CONSOLE_LEVEL: 'error',
      EXPRESS_BODY_PARSER_LIMIT: '20mb',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A test run that dies without stop() must not leave an LRS behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    process.off('exit', killOnExit);
    rmSync(scratch, { recursive: true, force: true });
  };
  const endpoint = `http://127.0.0.1:${port}/xAPI`;
  try {
    await waitUntilUp(`${endpoint}/about`, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, stop };
}
