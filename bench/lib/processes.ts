import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A child process that prints a line saying where it listens. */
export type Listening = {
  url: string;
  child: ChildProcess;
  readyMs: number;
  output: () => string;
  stop: () => Promise<void>;
};

/**
 * Starts `node <script>` (through tsx for a `.ts` script), in `cwd` when given, and waits for
 * `pattern` (whose first group is the URL) on stdout.
 */
export async function startListening(
  script: string,
  env: Record<string, string>,
  pattern: RegExp,
  nodeArgs: string[] = [],
  cwd?: string,
): Promise<Listening> {
  const t0 = performance.now();
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, script], {
    cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', GOVDESK_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 120_000);
    const check = () => {
      const m = pattern.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
  const readyMs = performance.now() - t0;
  return {
    url,
    child,
    readyMs,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Resident and peak memory of a process, in MiB (Linux /proc). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: Math.round(kb('VmRSS') / 102.4) / 10, peakMiB: Math.round(kb('VmHWM') / 102.4) / 10 };
}

/** CPU time a process has used so far, user and system, in ms (Linux /proc). */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/**
 * A throw-away PostgreSQL cluster (initdb + pg_ctl, as .ci/run does), as the `postgres` user when
 * run by root. Returns its URL and a stop function.
 */
export function startPostgres(port: number): { url: string; stop: () => void; version: string } {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base))
    throw new Error('no PostgreSQL server found in /usr/lib/postgresql: install postgresql or set DATABASE_URL');
  const versions = readdirSync(base).sort((a, b) => Number(a) - Number(b));
  const bin = path.join(base, versions.at(-1)!, 'bin');
  const dir = mkdtempSync(path.join(tmpdir(), 'govdesk-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string) => {
    if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { stdio: 'pipe' });
    else execFileSync('/bin/sh', ['-c', cmd], { stdio: 'pipe' });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  run(`${bin}/initdb -D ${dir}/data -A trust -U postgres -E UTF8 --locale=C.UTF-8`);
  run(
    `${bin}/pg_ctl -D ${dir}/data -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_connections=200' -l ${dir}/log -w start`,
  );
  return {
    // Its Unix socket, as GovDesk would reach a server on the same machine: a round trip over
    // loopback TCP cost the server process ~25 µs more CPU per statement here (20,000 `select`s
    // on ten connections: 92 against 67 µs, 9,900 against 13,000 per second).
    url: `postgres://postgres@/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    version: versions.at(-1)!,
    stop: () => {
      try {
        run(`${bin}/pg_ctl -D ${dir}/data -m fast stop`);
      } catch {
        // already stopped
      }
      execFileSync('rm', ['-rf', dir]);
    },
  };
}
