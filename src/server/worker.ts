import type { FastifyBaseLogger } from 'fastify';
import type { AccountReviewService } from './services/account-review.service.js';
import type { AuditService } from './services/audit.service.js';
import type { NotificationService } from './services/notification.service.js';
import type { ReportService } from './services/report.service.js';
import type { SecuritySettingsService } from './services/security-settings.service.js';
import type { SlaService } from './services/sla.service.js';
import type { UpkeepService } from './services/upkeep.service.js';

export type WorkerDeps = {
  sla: SlaService;
  notifications: NotificationService;
  accountReviews: AccountReviewService;
  audit: AuditService;
  securitySettings: SecuritySettingsService;
  upkeep: UpkeepService;
  reports: ReportService;
};

/**
 * One pass of the background work: service-level checks that are due, the account review's
 * schedule and reminders, the audit trail's daily retention purge, mail that is due, the
 * service-level outcomes journal folded into its daily counts, then the embedded database's nightly
 * upkeep.
 * Everything it acts on is rows in the database, so any pass after a restart picks up where
 * the last one stopped.
 */
export async function runWorkerOnce(deps: WorkerDeps) {
  const clocks = await deps.sla.sweep();
  const reviews = await deps.accountReviews.sweep();
  const auditPurged = await deps.audit.purgeExpired((await deps.securitySettings.get()).auditRetentionYears);
  const mailSent = await deps.notifications.deliverMail();
  const outcomesFolded = await deps.reports.foldOutcomes();
  const tablesVacuumed = await deps.upkeep.run();
  return {
    ...clocks,
    reviewsOpened: reviews.opened,
    reviewChases: reviews.chased,
    auditPurged,
    mailSent,
    outcomesFolded,
    tablesVacuumed,
  };
}

/** Runs the worker every `intervalMs` until stopped; a failed pass is logged and the next one tries again. */
export function startWorker(deps: WorkerDeps, intervalMs: number, log: FastifyBaseLogger): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = runWorkerOnce(deps)
      .then((r) => {
        if (
          r.warnings + r.breaches + r.chases + r.reviewsOpened + r.reviewChases + r.mailSent > 0 ||
          r.auditPurged ||
          r.tablesVacuumed
        ) {
          log.info(r, 'worker pass');
        }
      })
      .catch((error: unknown) => log.error({ err: error }, 'worker pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  let timer = setTimeout(tick, Math.min(intervalMs, 1000));
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
