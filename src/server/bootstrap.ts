import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { settingsRepository } from '../db/repositories/settings.repository.js';
import { DEFAULT_SECURITY_SETTINGS } from './services/security-settings.service.js';
import { DEMO_AGENCY, DEMO_UNITS, DEMO_USERS, type DemoUser } from '../domain/demo-agency.js';
import type { Db } from '../db/database.js';
import { auditRepository } from '../db/repositories/audit.repository.js';
import { organisationRepository } from '../db/repositories/organisation.repository.js';
import { installed } from '../install-dir.js';
import { hashPassword } from './auth/password.js';
import { loadShippedCalendars } from './services/calendar.service.js';

/** The office calendar files shipped with GovDesk (SLA-1). */
export const SHIPPED_CALENDAR_DIR = installed('resources', 'tw-gov-calendar');

type Say = (line: string) => void;

/** A readable random password meeting the 004 policy: upper, lower, digit and symbol. */
function generatePassword(): string {
  return `Gd-${randomBytes(9).toString('base64url')}-7a`;
}

/** The agency at the root of the organisation tree; created on first start. */
async function ensureAgency(db: Db, config: Config): Promise<string> {
  const existing = await organisationRepository.findUnitByCode(db, DEMO_AGENCY.code);
  if (existing) return existing.id;
  const units = await organisationRepository.listUnits(db);
  const root = units.find((u) => u.kind === 'agency' && u.parent_id === null);
  if (root) return root.id;
  const name = config.demo ? DEMO_AGENCY : { name: '本機關', nameEn: 'Agency' };
  const unit = await organisationRepository.insertUnit(db, {
    parentId: null,
    code: config.demo ? DEMO_AGENCY.code : 'agency',
    name: name.name,
    nameEn: name.nameEn,
    kind: 'agency',
  });
  return unit.id;
}

/**
 * First start: the agency unit and the administrator `admin`, whose password comes from
 * GOVDESK_ADMIN_PASSWORD or is generated and printed this once (and must then be changed).
 */
async function ensureAdmin(db: Db, config: Config, agencyId: string, say: Say): Promise<void> {
  if (await organisationRepository.findUserByUsername(db, 'admin')) return;
  const password = config.adminPassword ?? generatePassword();
  await db.transaction().execute(async (tx) => {
    const user = await organisationRepository.insertUser(tx, {
      username: 'admin',
      displayName: '系統管理者',
      email: null,
      phone: null,
      unitId: agencyId,
      kind: 'staff',
      passwordHash: await hashPassword(password),
      mustChangePassword: config.adminPassword === undefined,
    });
    await organisationRepository.addRoles(tx, user.id, [{ role: 'admin', unitId: null }]);
    await auditRepository.append(tx, {
      actorId: null,
      action: 'user.created',
      objectType: 'user',
      objectId: user.id,
      data: { username: 'admin', reason: 'first start' },
    });
  });
  if (config.adminPassword === undefined) {
    say(`Administrator account created: admin / ${password}  (shown once; you will be asked to change it)`);
  } else {
    say('Administrator account created: admin (password from GOVDESK_ADMIN_PASSWORD)');
  }
}

/** GOVDESK_DEMO=1: the demo agency's units and one user per role; loading twice changes nothing. */
async function loadDemo(db: Db, config: Config, agencyId: string, say: Say): Promise<void> {
  const password = config.demoPassword ?? generatePassword();
  const ids = new Map<string, string>([[DEMO_AGENCY.code, agencyId]]);
  for (const [i, u] of DEMO_UNITS.entries()) {
    const existing = await organisationRepository.findUnitByCode(db, u.code);
    const parentId = ids.get(u.parent) ?? null;
    const unit =
      existing ??
      (await organisationRepository.insertUnit(db, {
        parentId,
        code: u.code,
        name: u.name,
        nameEn: u.nameEn,
        kind: u.kind,
        sortOrder: i + 1,
      }));
    ids.set(u.code, unit.id);
  }
  // The demo lets its administrator look around without enrolling a second factor first; a real
  // agency keeps the default, which requires one (settings → 帳號安全).
  if ((await settingsRepository.get(db, 'security')) === undefined) {
    await settingsRepository.put(
      db,
      'security',
      { ...DEFAULT_SECURITY_SETTINGS, mfaRequiredForAdmins: false },
      null,
      new Date(),
    );
  }
  // 工商外貿科 checks the demo's vendor applications (TYPE-7, 000 §2.7.4).
  if ((await settingsRepository.get(db, 'workflow_units')) === undefined) {
    const units = { serviceUnitId: ids.get('it-services') ?? null, businessUnitId: ids.get('foreign-trade') ?? null };
    await settingsRepository.put(db, 'workflow_units', units, null, new Date());
  }
  const missing: DemoUser[] = [];
  for (const u of DEMO_USERS) if (!(await organisationRepository.findUserByUsername(db, u.username))) missing.push(u);
  if (missing.length === 0) return;
  // Demo accounts share one publicly known password, so one hash serves them all: scrypt is slow
  // by design, and twenty hashes would hold up the first demo start for many seconds.
  const demoHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    for (const u of missing) {
      const user = await organisationRepository.insertUser(tx, {
        username: u.username,
        displayName: u.displayName,
        email: `${u.username}@demo.govdesk.invalid`,
        phone: '04-25658588',
        unitId: ids.get(u.unit) ?? agencyId,
        kind: u.kind,
        passwordHash: demoHash,
        mustChangePassword: false,
        // Outside accounts must expire (VEN-4); the demo's last as long as the rules allow.
        expiresAt:
          u.kind === 'staff'
            ? null
            : new Date(Date.now() + DEFAULT_SECURITY_SETTINGS.externalAccountMaxDays * 86_400_000),
      });
      await organisationRepository.addRoles(
        tx,
        user.id,
        u.roles.map((r) => ({ role: r.role, unitId: r.unit ? (ids.get(r.unit) ?? null) : null })),
      );
      await auditRepository.append(tx, {
        actorId: null,
        action: 'user.created',
        objectType: 'user',
        objectId: user.id,
        data: { username: u.username, reason: 'demo data' },
      });
    }
  });
  say(
    config.demoPassword
      ? `Demo agency loaded: ${missing.length} demo users (password from GOVDESK_DEMO_PASSWORD)`
      : `Demo agency loaded: ${missing.length} demo users, password ${password} (shown once)`,
  );
}

/** Everything the first start (and a demo start) needs in the database. */
export async function bootstrap(db: Db, config: Config, say: Say): Promise<void> {
  const agencyId = await ensureAgency(db, config);
  await ensureAdmin(db, config, agencyId, say);
  const years = await loadShippedCalendars(db, SHIPPED_CALENDAR_DIR, new Date());
  if (years.length > 0) say(`Office calendar loaded for ${years.join(', ')}`);
  if (config.demo) await loadDemo(db, config, agencyId, say);
}
