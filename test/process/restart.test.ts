import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshServerDatabaseUrl } from '../helpers/database.js';
import { client, signIn, startServer, type ServerProcess } from '../helpers/server-process.js';

const PASSWORD = 'Admin-pass-2026!';
type HistoryEvent = { kind: string; data: Record<string, unknown> };

/**
 * Issue 4: clock work is durable. A server killed with SIGKILL loses no deadline, and the warning
 * it owed is sent exactly once by the next server, however often it is restarted.
 */
describe('durable clock work across kill -9 and restart', () => {
  let dir: string;
  let server: ServerProcess | undefined;
  let databaseUrl: string | null;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'govdesk-restart-'));
    // On the PostgreSQL server in CI, on the embedded database otherwise.
    databaseUrl = await freshServerDatabaseUrl();
  });
  afterAll(async () => {
    await server?.kill();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const env = (workerSeconds: number) => ({
    GOVDESK_DATA_DIR: dir,
    GOVDESK_ADMIN_PASSWORD: PASSWORD,
    GOVDESK_WORKER_SECONDS: String(workerSeconds),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });

  it('sends the warning that fell due while the server was dead, once', async () => {
    // First life: the worker would only look again in an hour; the warning falls due in ~4 s.
    server = await startServer(env(3600));
    const admin = await signIn(server.url, 'admin', PASSWORD);
    expect(
      (await admin.call('PUT', '/api/settings/sla', { warningThresholds: [0.001], chaseIntervalMinutes: 60 })).status,
    ).toBe(200);
    const desk = await admin.call('POST', '/api/users', {
      username: 'desk01',
      displayName: '服務台',
      email: 'desk@agency.example',
      unitId: admin.unitId,
      kind: 'contractor',
      // Contract staff accounts must expire (VEN-4).
      expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      roles: [{ role: 'desk_agent', unitId: null }],
      password: 'Desk-pass-2026!',
      reason: '服務台人員',
    });
    expect(desk.status).toBe(201);
    const filed = await admin.call('POST', '/api/requests', {
      type: 'security_incident',
      channel: 'phone',
      unitId: admin.unitId,
      applicantName: '值班人員',
      applicantPhone: '1234',
      applicationDate: '2026-11-23',
      wishedDate: '2026-11-23',
      title: '主機遭入侵',
      description: '監控發現異常連線',
      form: {
        agencyName: '本機關',
        reporterName: '值班人員',
        reporterPhone: '1234',
        occurredAt: new Date().toISOString(),
        category: 'intrusion',
        damage: 'crash',
        description: '監控發現異常連線',
      },
    });
    expect(filed.status).toBe(201);
    const id = String(filed.body['id']);
    await server.kill('SIGKILL');

    // Dead past the warning (0.1% of one hour = 3.6 s).
    await new Promise((r) => setTimeout(r, 4500));

    // Second life: the worker runs every half second and must find the overdue warning.
    server = await startServer(env(0.5));
    // The administrator's session outlives the process (sessions are kept in the database).
    let call = client(server.url, admin.session);
    const warnings = async () =>
      ((await call('GET', `/api/requests/${id}`)).body['history'] as HistoryEvent[]).filter(
        (h) => h.kind === 'clock_warning',
      );
    const deadline = Date.now() + 15_000;
    while ((await warnings()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await warnings()).toHaveLength(1);
    await server.kill('SIGKILL');

    // Third life: nothing is sent again.
    server = await startServer(env(0.5));
    call = client(server.url, admin.session);
    await new Promise((r) => setTimeout(r, 2000));
    expect(await warnings()).toHaveLength(1);
    const outbox = (await call('GET', '/api/admin/outbox')).body as unknown as Array<{ subject: string }>;
    // No SMTP server is configured: the one warning mail to the desk is kept in the outbox.
    expect(outbox.filter((m) => m.subject.includes('服務時限即將到期'))).toHaveLength(1);
    const clock = (
      (await call('GET', `/api/requests/${id}`)).body['clocks'] as Array<{ key: string; status: string }>
    )[0];
    expect(clock).toMatchObject({ key: 'incident.report', status: 'running' });
  }, 120_000);
});
