import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { organisationRepository } from '../../src/db/repositories/organisation.repository.js';
import { DEMO_UNITS } from '../../src/domain/demo-agency.js';
import { bootstrap } from '../../src/server/bootstrap.js';
import { verifyPassword } from '../../src/server/auth/password.js';
import { ROLES } from '../../src/shared/roles.js';
import { freshDatabase } from '../helpers/database.js';

describe('first start and the demo agency (ORG-1, ORG-2)', () => {
  let h: DatabaseHandle;
  const said: string[] = [];
  beforeAll(async () => {
    h = await freshDatabase();
  });
  afterAll(() => h.close());

  it('creates the administrator with a generated password, printed once, to be changed at first use', async () => {
    await bootstrap(h.db, loadConfig({}), (l) => said.push(l));
    const admin = await organisationRepository.findUserByUsername(h.db, 'admin');
    const password = /admin \/ (\S+)/.exec(said.join('\n'))?.[1];
    expect(password).toBeTruthy();
    expect(await verifyPassword(password!, admin!.password_hash)).toBe(true);
    expect(admin!.must_change_password).toBe(true);
    said.length = 0;
    await bootstrap(h.db, loadConfig({}), (l) => said.push(l));
    expect(said).toEqual([]);
  });

  it('loads the units of 附件二 and one demo user for every role, once', async () => {
    const config = loadConfig({ GOVDESK_DEMO: '1', GOVDESK_DEMO_PASSWORD: 'Demo-pass-2026!' });
    await bootstrap(h.db, config, () => {});
    await bootstrap(h.db, config, () => {});
    const units = await organisationRepository.listUnits(h.db);
    const byCode = new Map(units.map((u) => [u.code, u]));
    for (const name of [
      '秘書室',
      '人事室',
      '工商組',
      '投資組',
      '營建組',
      '建管組',
      '環安組',
      '企劃組',
      '政風室',
      '資訊服務科',
      '工商外貿科',
    ]) {
      expect(units.some((u) => u.name === name)).toBe(true);
    }
    expect(byCode.get('it-services')!.parent_id).toBe(byCode.get('commerce')!.id);
    expect(units.filter((u) => DEMO_UNITS.some((d) => d.code === u.code))).toHaveLength(DEMO_UNITS.length);

    const users = await organisationRepository.listUsers(h.db, {});
    const roles = await organisationRepository.rolesOf(
      h.db,
      users.map((u) => u.id),
    );
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(ROLES));
    const staff01 = users.find((u) => u.username === 'staff01')!;
    expect(await verifyPassword('Demo-pass-2026!', staff01.password_hash)).toBe(true);
    expect(staff01.unit_id).toBe(byCode.get('investment')!.id);
  });
});
