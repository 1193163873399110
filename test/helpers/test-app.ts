import type { LightMyRequestResponse } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { loadConfig, type Config } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { organisationRepository } from '../../src/db/repositories/organisation.repository.js';
import { settingsRepository } from '../../src/db/repositories/settings.repository.js';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_SECURITY_SETTINGS } from '../../src/server/services/security-settings.service.js';
import { hashPassword, type ScryptParams } from '../../src/server/auth/password.js';
import type { App } from '../../src/server/routes/types.js';
import type { Role, UserKind } from '../../src/shared/roles.js';
import { freshDatabase } from './database.js';

export const PASSWORD = 'Test-pass-2026!';
/** The scrypt cost of the fixture accounts' password (1 MiB rather than the application's 32). */
const FIXTURE_PASSWORD_PARAMS: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

/** A settable clock, so tests can move time (session expiry, numbering across years). */
export class TestClock {
  constructor(public current = new Date('2026-11-23T02:00:00Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export type TestUser = { id: string; username: string; unitId: string };

export type Session = { cookie: string; csrf: string; user: TestUser };

type InjectOptions = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  as?: Session | null;
  /** The caller's address (defaults to 127.0.0.1). */
  remoteAddress?: string;
};

/** A GovDesk application on its own fresh database, with factories for the data a test needs. */
/**
 * Counts the statements the application runs on the database (performance budgets, issue 7): at
 * their results, since a statement compiled once (src/db/fixed-statement.ts) is transformed once
 * but run at every call.
 */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery: KyselyPlugin['transformQuery'] = (args) => args.node;
  transformResult: KyselyPlugin['transformResult'] = (args) => {
    this.count++;
    return Promise.resolve(args.result);
  };
}

export class TestApp {
  private units = new Map<string, string>();
  private passwordHash: Promise<string> | undefined;

  private constructor(
    readonly app: App,
    readonly database: DatabaseHandle,
    readonly clock: TestClock,
    readonly config: Config,
    private readonly counter: StatementCounter,
  ) {}

  /** Runs `work` and returns how many statements the application sent to the database meanwhile. */
  async statementsOf(work: () => Promise<unknown>): Promise<number> {
    const before = this.counter.count;
    await work();
    return this.counter.count - before;
  }

  /**
   * A fresh application. Administrators are not made to enrol a second factor unless
   * `requireAdminMfa` is set, so that tests of other things can sign in as one with a password.
   */
  static async start(overrides: Partial<Config> = {}, options: { requireAdminMfa?: boolean } = {}): Promise<TestApp> {
    const database = await freshDatabase();
    const config = { ...loadConfig({}), ...overrides };
    const clock = new TestClock();
    if (!options.requireAdminMfa) {
      await settingsRepository.put(
        database.db,
        'security',
        { ...DEFAULT_SECURITY_SETTINGS, mfaRequiredForAdmins: false },
        null,
        clock.now(),
      );
    }
    const counter = new StatementCounter();
    const counted = { ...database, db: database.db.withPlugin(counter) };
    const app = await buildApp({ config, database: counted, now: clock.now, logger: false });
    await app.ready();
    return new TestApp(app, database, clock, config, counter);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.database.close();
  }

  /** A unit by code, created on first use under the agency `root`. */
  async unit(code: string, parentCode: string | null = 'root'): Promise<string> {
    const known = this.units.get(code);
    if (known) return known;
    const parentId = parentCode ? await this.unit(parentCode, null) : null;
    const row = await organisationRepository.insertUnit(this.database.db, {
      parentId,
      code,
      name: `單位 ${code}`,
      nameEn: `Unit ${code}`,
      kind: parentCode === null ? 'agency' : 'division',
    });
    this.units.set(code, row.id);
    return row.id;
  }

  /** A user with roles (unit-scoped where a unit code is given), password PASSWORD. */
  async user(
    username: string,
    options: { unit?: string; kind?: UserKind; roles?: Array<Role | { role: Role; unit: string }> } = {},
  ): Promise<TestUser> {
    const unitId = await this.unit(options.unit ?? 'general-affairs');
    // One hash per test file, at a light scrypt cost: the application's cost (32 MiB, a third of a
    // second per sign-in) is what makes guessing slow, and not what these tests are about; it is
    // stored in each hash, so signing in checks this one as quickly. auth.test.ts checks the
    // application's cost on a password it sets.
    this.passwordHash ??= hashPassword(PASSWORD, FIXTURE_PASSWORD_PARAMS);
    const row = await organisationRepository.insertUser(this.database.db, {
      username,
      displayName: `使用者 ${username}`,
      email: null,
      phone: null,
      unitId,
      kind: options.kind ?? 'staff',
      passwordHash: await this.passwordHash,
      mustChangePassword: false,
    });
    const roles = [];
    for (const r of options.roles ?? ['requester']) {
      roles.push(typeof r === 'string' ? { role: r, unitId: null } : { role: r.role, unitId: await this.unit(r.unit) });
    }
    await organisationRepository.addRoles(this.database.db, row.id, roles);
    return { id: row.id, username, unitId };
  }

  async login(user: TestUser, password = PASSWORD): Promise<Session> {
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login of ${user.username} failed: ${res.statusCode} ${res.body}`);
    const setCookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('govdesk_session='));
    if (!setCookie) throw new Error('no session cookie');
    return { cookie: setCookie.split(';')[0]!, csrf: res.json<{ csrfToken: string }>().csrfToken, user };
  }

  /** Creates a user and signs them in. */
  async signedIn(username: string, options: Parameters<TestApp['user']>[1] = {}): Promise<Session> {
    return this.login(await this.user(username, options));
  }

  inject(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) {
      headers['cookie'] = options.as.cookie;
      if (options.method !== 'GET') headers['x-csrf-token'] = options.as.csrf;
    }
    return this.app.inject({
      method: options.method,
      url: options.url,
      headers,
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
      ...(options.payload !== undefined ? { payload: options.payload as string | object } : {}),
    });
  }

  /** A valid 附件一 filing for a session's own unit, with overrides. */
  requestBody(session: Session, overrides: Record<string, unknown> = {}) {
    return {
      unitId: session.user.unitId,
      applicantName: '王小明',
      applicantPhone: '04-2565-8588 #123',
      applicationDate: '2026-11-23',
      wishedDate: '2026-12-10',
      title: '辦公室印表機無法列印',
      description: '三樓東側印表機卡紙後無法列印，請協助處理。',
      ...overrides,
    };
  }

  /** Files a request as the session's user; fails the test if it is refused. */
  async fileRequest(session: Session, overrides: Record<string, unknown> = {}) {
    const res = await this.inject({
      method: 'POST',
      url: '/api/requests',
      as: session,
      payload: this.requestBody(session, overrides),
    });
    if (res.statusCode !== 201) throw new Error(`filing failed: ${res.statusCode} ${res.body}`);
    return res.json<{ id: string; number: string }>();
  }
}

/** Builds a multipart/form-data body with files in the field `file`, after any text `fields`. */
export function multipart(
  files: Array<{ name: string; type: string; content: Buffer | string }>,
  field = 'file',
  fields: Record<string, string> = {},
) {
  const boundary = `----govdesk${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
