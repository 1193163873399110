import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseKind } from '../../db/database.js';
import type { AccountService } from '../services/account.service.js';
import type { AuditService } from '../services/audit.service.js';
import type { CalendarService } from '../services/calendar.service.js';
import type { NotificationService } from '../services/notification.service.js';
import type { SlaService } from '../services/sla.service.js';
import type { ReportService } from '../services/report.service.js';
import type { OrganisationService } from '../services/organisation.service.js';
import type { RequestService } from '../services/request.service.js';
import type { Config } from '../../config.js';
import type { AccountRequestService } from '../services/account-request.service.js';
import type { AccountReviewService } from '../services/account-review.service.js';
import type { PasswordResetService } from '../services/password-reset.service.js';
import type { SecondFactorService } from '../services/second-factor.service.js';
import type { SecuritySettingsService } from '../services/security-settings.service.js';
import type { UserLifecycleService } from '../services/user-lifecycle.service.js';
import type { WorkflowService } from '../services/workflow.service.js';
import type { AssetService } from '../services/asset.service.js';
import type { DeputyService } from '../services/deputy.service.js';
import type { UpkeepService } from '../services/upkeep.service.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route modules are given: the services they call and a few facts about the running system. */
export type RouteDeps = {
  accounts: AccountService;
  organisation: OrganisationService;
  requests: RequestService;
  calendar: CalendarService;
  audit: AuditService;
  sla: SlaService;
  notifications: NotificationService;
  reports: ReportService;
  securitySettings: SecuritySettingsService;
  secondFactor: SecondFactorService;
  passwordResets: PasswordResetService;
  users: UserLifecycleService;
  accountRequests: AccountRequestService;
  accountReviews: AccountReviewService;
  workflows: WorkflowService;
  assets: AssetService;
  deputies: DeputyService;
  upkeep: UpkeepService;
  config: Config;
  databaseKind: DatabaseKind;
};

/** Problem responses every route can give, for the OpenAPI document. */
export { Problem } from '../../shared/api/common.schema.js';
