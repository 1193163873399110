import { DomainError } from '../../domain/errors.js';
import { abilitiesOf, type Actor } from '../../domain/policies.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { settingsRepository } from '../../db/repositories/settings.repository.js';
import { SecuritySettings } from '../../shared/api/security.schema.js';
import type { Origin, ServiceContext } from './context.js';

const KEY = 'security';

/** The defaults follow 004 參 and the incident law's 3-year minimum for transaction logs. */
export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  mfaRequiredForAdmins: true,
  passwordResetMinutes: 30,
  externalAccountMaxDays: 180,
  accountReviewIntervalMonths: 6,
  accountReviewDueWorkingDays: 10,
  auditRetentionYears: 3,
};

/** Account and audit settings of the agency, read often and changed rarely. */
export function securitySettingsService(ctx: ServiceContext) {
  let cache: { value: SecuritySettings; at: number } | undefined;

  async function get(): Promise<SecuritySettings> {
    if (cache && Date.now() - cache.at < 30_000) return cache.value;
    const stored = SecuritySettings.safeParse(await settingsRepository.get(ctx.db, KEY));
    const value = stored.success ? stored.data : DEFAULT_SECURITY_SETTINGS;
    cache = { value, at: Date.now() };
    return value;
  }

  return {
    get,

    async read(actor: Actor): Promise<SecuritySettings> {
      const abilities = abilitiesOf(actor);
      if (!abilities.manageSettings && !abilities.readAudit) throw new DomainError('forbidden');
      return get();
    },

    async put(actor: Actor, value: SecuritySettings, origin: Origin): Promise<SecuritySettings> {
      if (!abilitiesOf(actor).manageSettings) throw new DomainError('forbidden');
      await ctx.db.transaction().execute(async (tx) => {
        const before = await get();
        await settingsRepository.put(tx, KEY, value, actor.userId, ctx.now());
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'settings.changed',
          objectType: 'setting',
          objectId: KEY,
          ip: origin.ip,
          data: { before, after: value },
        });
      });
      cache = undefined;
      return value;
    },
  };
}
export type SecuritySettingsService = ReturnType<typeof securitySettingsService>;
