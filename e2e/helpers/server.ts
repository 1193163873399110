import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ADMIN_PASSWORD = 'Admin-pass-2026!';
export const DEMO_PASSWORD = 'Demo-pass-2026!';

export type RunningServer = {
  baseUrl: string;
  dataDir: string;
  stop: (options?: { keepData?: boolean }) => Promise<void>;
};

const REPO = path.resolve(import.meta.dirname, '../..');
/** What `npm start` runs: the bundled server (scripts/bundle-server.mjs). */
const MAIN = path.join(REPO, 'dist/govdesk.js');
const LISTENING = /GovDesk listening on (http:\/\/127\.0\.0\.1:\d+)/;

/**
 * Starts the built server (dist/govdesk.js, as `npm start` does) on a free port with the demo
 * agency, and resolves once it says where it listens. Its data directory is fresh, or a copy of
 * `template` (the data directory of a server started and stopped before: migrated, with the demo
 * agency), which saves each test file the first start's migrations and seeding.
 */
export async function startServer(options: { template?: string | undefined } = {}): Promise<RunningServer> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  if (!existsSync(path.join(REPO, 'dist/web/index.html')))
    throw new Error('dist/web is missing: run npm run build:web');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'govdesk-e2e-'));
  if (options.template) await cp(options.template, dataDir, { recursive: true });
  const child = spawn(process.execPath, [MAIN], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      GOVDESK_DATA_DIR: dataDir,
      GOVDESK_ADMIN_PASSWORD: ADMIN_PASSWORD,
      GOVDESK_DEMO: '1',
      GOVDESK_DEMO_PASSWORD: DEMO_PASSWORD,
      GOVDESK_LOG_LEVEL: 'warn',
      DATABASE_URL: undefined,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async ({ keepData = false } = {}) => {
    await stopChild(child);
    if (!keepData) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const baseUrl = await waitForListening(child);
    return { baseUrl, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`The server did not start in time:\n${output}`)), 100_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => fail(new Error(`The server exited (${code}) before listening:\n${output}`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
