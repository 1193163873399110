import { currentCode } from '../../src/server/auth/totp.js';
import { spawn, type ChildProcess } from 'node:child_process';

/** GovDesk as a real process (`src/server/main.ts` through tsx), for tests of start, stop and crash. */
export type ServerProcess = {
  url: string;
  child: ChildProcess;
  output: () => string;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', GOVDESK_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const check = () => {
      const m = /GovDesk listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    kill: (signal = 'SIGKILL') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A signed-in session: its cookie and CSRF token. Sessions live in the database. */
export type Session = { cookie: string; csrfToken: string };

/** An HTTP client of the server at `url` acting in `session`, which may have begun on another server. */
export function client(url: string, session: Session) {
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> & { [k: string]: unknown } };
  };
}

/**
 * A signed-in HTTP client of a running server, at the account's first sign-in: an administrator
 * enrols the second factor the agency requires. Later lives of the server reuse the session
 * through `client`.
 */
export async function signIn(url: string, username: string, password: string) {
  const res = await post(`${url}/api/auth/login`, { username, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('govdesk_session='))!
    .split(';')[0]!;
  const { csrfToken, user } = (await res.json()) as { csrfToken: string; user: { unitId: string } };
  const session: Session = { cookie, csrfToken };
  const call = client(url, session);
  if ((user as { mustEnrolMfa?: boolean }).mustEnrolMfa) {
    const secret = (await call('POST', '/api/me/mfa/setup')).body['secret'] as string;
    const enabled = await call('POST', '/api/me/mfa/enable', { code: currentCode(secret, new Date()) });
    if (enabled.status !== 200) throw new Error(`second factor enrolment failed: ${enabled.status}`);
  }
  return { call, session, unitId: user.unitId };
}
