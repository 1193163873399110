import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role, UnitKind, UserKind } from '../shared/roles.js';
import type {
  EscalationTier,
  RequestChannel,
  RequestEventKind,
  RequestPriority,
  RequestStatus,
  RequestType,
  SlaState,
} from '../shared/request-vocabulary.js';

/** Table types for Kysely, mirroring the migrations in `./migrations`. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns are read as `YYYY-MM-DD` strings (see database.ts). */
type DateColumn = ColumnType<string, string, string>;
/** `bigint` columns are read as numbers (see database.ts). */
type BigId = ColumnType<number, never, never>;

export interface UnitsTable {
  id: Generated<string>;
  parent_id: string | null;
  code: string;
  name: string;
  name_en: string;
  kind: UnitKind;
  sort_order: Generated<number>;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  unit_id: string | null;
  kind: Generated<UserKind>;
  password_hash: string;
  must_change_password: Generated<boolean>;
  disabled_at: Timestamp | null;
  expires_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  failed_attempts: Generated<number>;
  locked_at: Timestamp | null;
  password_changed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** TOTP secret (base32) once the second factor is on; the pending one during enrolment. */
  mfa_secret: string | null;
  mfa_pending_secret: string | null;
  mfa_enabled_at: Timestamp | null;
  /** The last 30-second step a code was accepted for: a code works once. */
  mfa_last_step: number | null;
}

export interface RoleAssignmentsTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  unit_id: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface RequestNumberCountersTable {
  prefix: string;
  year: number;
  last_value: number;
}

export interface RequestsTable {
  id: Generated<string>;
  number: string;
  type: RequestType;
  channel: RequestChannel;
  status: RequestStatus;
  unit_id: string;
  applicant_user_id: string | null;
  applicant_name: string;
  applicant_phone: string;
  application_date: DateColumn;
  wished_date: DateColumn;
  title: string;
  description: string;
  /** Null for an application filed without an account (TYPE-7). */
  created_by: string | null;
  assignee_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  closed_at: Timestamp | null;
  priority: Generated<RequestPriority>;
  escalation_tier: Generated<EscalationTier>;
  sla_state: Generated<SlaState>;
  sla_due_at: Timestamp | null;
  /** Issue 3: the definition version the request started with (null: filed before workflows). */
  workflow_version: number | null;
  workflow_state: ColumnType<unknown, string | null, string | null> | null;
  workflow_data: ColumnType<Record<string, unknown>, string | undefined, string>;
  form: ColumnType<Record<string, unknown>, string | undefined, string>;
  stage: string | null;
  stage_assignee_id: string | null;
  /** Who the request waits for (src/domain/workflow/waiting.ts). */
  waiting_keys: ColumnType<string[], string[] | undefined, string[]>;
  /** Issue 6: the returned application this one applies again for. */
  previous_request_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RequestEventsTable {
  id: BigId;
  request_id: string;
  seq: number;
  kind: RequestEventKind;
  actor_id: string | null;
  at: CreatedAt;
  from_status: RequestStatus | null;
  to_status: RequestStatus | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface CommentsTable {
  id: Generated<string>;
  /** Insertion order, which timestamps alone cannot settle. */
  ordinal: BigId;
  request_id: string;
  author_id: string;
  body: string;
  created_at: CreatedAt;
}

export interface AttachmentsTable {
  id: Generated<string>;
  ordinal: BigId;
  request_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  created_at: CreatedAt;
  /** Issue 6: which document of an application the file is (src/shared/data-centre.ts), for which device. */
  document: ColumnType<string | null, string | null | undefined, string | null>;
  device: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface AttachmentContentsTable {
  attachment_id: string;
  content: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
}

export interface AuditLogTable {
  id: ColumnType<number, number, never>;
  at: ColumnType<Date, Date, never>;
  actor_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  ip: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** SEC-3: each record's hash covers its content and the previous record's hash. */
  prev_hash: string | null;
  hash: string;
}

export interface CalendarSourcesTable {
  id: Generated<string>;
  year: number;
  file_name: string;
  origin: 'shipped' | 'imported';
  revision: ColumnType<number, number, number>;
  sha256: string;
  day_count: number;
  holiday_count: number;
  active: boolean;
  imported_by: string | null;
  imported_at: CreatedAt;
}

export interface CalendarDaysTable {
  date: DateColumn;
  holiday: boolean;
  note: string;
  source_id: string;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface RequestClocksTable {
  id: Generated<string>;
  request_id: string;
  /** Issue 7: the request's type (which never changes), so a period's report needs no join. */
  request_type: RequestType;
  target_key: string;
  basis: 'working' | 'wall';
  target_ms: number;
  status: 'running' | 'paused' | 'stopped';
  consumed_ms: number;
  running_since: Timestamp | null;
  started_at: Timestamp;
  stopped_at: Timestamp | null;
  due_at: Timestamp | null;
  warnings_sent: Generated<number>;
  breached_at: Timestamp | null;
  chase_count: Generated<number>;
  next_check_at: Timestamp | null;
}

/**
 * Final service-level outcomes (met, breached) counted per Taipei day a clock started, request
 * type and clock (issue 7, migration 20261124T0700): folded from the journal by the worker.
 */
export interface SlaOutcomeDaysTable {
  start_day: DateColumn;
  request_type: RequestType;
  target_key: string;
  met: number;
  breached: number;
}

/** Changes of counted outcomes, appended by a trigger on `request_clocks`, not yet folded. */
export interface SlaOutcomeJournalTable {
  id: BigId;
  start_day: DateColumn;
  request_type: RequestType;
  target_key: string;
  met: number;
  breached: number;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  request_id: string | null;
  title: string;
  title_en: string;
  body: string;
  body_en: string;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  by_mail: boolean;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  to_user_id: string | null;
  subject: string;
  body: string;
  status: Generated<'pending' | 'sent' | 'failed' | 'kept'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export interface PasswordHistoryTable {
  id: BigId;
  user_id: string;
  password_hash: string;
  created_at: CreatedAt;
}

export interface LoginFailuresTable {
  id: BigId;
  ip: string | null;
  username: string;
  at: Timestamp;
}

export interface MfaRecoveryCodesTable {
  id: BigId;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface MfaChallengesTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface PasswordResetsTable {
  id: string;
  user_id: string;
  purpose: 'reset' | 'new_account';
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  ip: string | null;
}

export interface AccountRequestsTable {
  id: Generated<string>;
  status: 'pending_supervisor' | 'pending_admin' | 'approved' | 'rejected';
  username: string;
  display_name: string;
  email: string;
  phone: string | null;
  unit_id: string;
  kind: UserKind;
  expires_on: DateColumn | null;
  roles: ColumnType<Array<{ role: Role; unitId: string | null }>, string, string>;
  reason: string;
  requested_by: string;
  requested_at: Timestamp;
  supervisor_id: string | null;
  supervisor_at: Timestamp | null;
  supervisor_note: string | null;
  admin_id: string | null;
  admin_at: Timestamp | null;
  admin_note: string | null;
  created_user_id: string | null;
}

export interface AccountReviewsTable {
  id: Generated<string>;
  title: string;
  opened_at: Timestamp;
  due_at: Timestamp;
  closed_at: Timestamp | null;
  opened_by: string | null;
  last_chased_at: Timestamp | null;
}

export interface AccountReviewItemsTable {
  id: Generated<string>;
  review_id: string;
  user_id: string;
  unit_id: string | null;
  roles: ColumnType<Array<{ role: Role; unitId: string | null }>, string, string>;
  reviewer_ids: ColumnType<string[], string, string>;
  decision: 'keep' | 'revoke' | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  note: Generated<string>;
  chased: Generated<number>;
}

export interface WorkflowDefinitionsTable {
  type: RequestType;
  version: number;
  definition: ColumnType<Record<string, unknown>, string, never>;
  created_at: Timestamp;
  created_by: string | null;
}

export interface WebContentRoutesTable {
  id: Generated<number>;
  sort_order: number;
  menu: string;
  item: string;
  responsible_unit: string;
  data_provider: string;
  note: string;
  self_service: boolean;
}

/** Issue 6: an item of the asset register, the start of the configuration database (ITSM-3). */
export interface AssetsTable {
  id: Generated<string>;
  asset_number: string;
  name: string;
  /** A device type of src/shared/data-centre.ts today; systems and services as the CMDB grows. */
  kind: string;
  status: 'in_service' | 'carried_out' | 'retired';
  owner_unit_id: string | null;
  rack_location: Generated<string>;
  ip_addresses: ColumnType<string[], string[] | undefined, string[]>;
  os: Generated<string>;
  os_version: Generated<string>;
  brand: Generated<string>;
  model: Generated<string>;
  serial_number: Generated<string>;
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
  evidence: ColumnType<Record<string, unknown>, string | undefined, string>;
  moved_in_request_id: string | null;
  moved_out_request_id: ColumnType<string | null, string | null | undefined, string | null>;
  in_service_since: DateColumn | null;
  retired_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AssetRelationsTable {
  from_asset_id: string;
  to_asset_id: string;
  kind: 'runs_on' | 'connected_to' | 'depends_on' | 'part_of';
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AssetHistoryTable {
  id: BigId;
  asset_id: string;
  kind:
    | 'registered'
    | 'moved_out'
    | 'carried_out'
    | 'carried_in'
    | 'updated'
    | 'related'
    | 'unrelated'
    | 'linked'
    | 'unlinked';
  request_id: string | null;
  actor_id: string | null;
  at: Timestamp;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface RequestAssetsTable {
  request_id: string;
  asset_id: string;
  created_by: string | null;
  created_at: CreatedAt;
}

/** ORG-3: a deputy (職務代理人) acts for an absent role holder, for one role, for a set time. */
export interface DeputiesTable {
  id: Generated<string>;
  principal_id: string;
  deputy_id: string;
  role: Role;
  /** The unit the principal holds the role for (null: their own unit). */
  unit_id: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reason: string;
  created_by: string | null;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
}

export interface Database {
  assets: AssetsTable;
  asset_relations: AssetRelationsTable;
  asset_history: AssetHistoryTable;
  request_assets: RequestAssetsTable;
  deputies: DeputiesTable;
  web_content_routes: WebContentRoutesTable;
  workflow_definitions: WorkflowDefinitionsTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  mfa_challenges: MfaChallengesTable;
  password_resets: PasswordResetsTable;
  account_requests: AccountRequestsTable;
  account_reviews: AccountReviewsTable;
  account_review_items: AccountReviewItemsTable;
  password_history: PasswordHistoryTable;
  login_failures: LoginFailuresTable;
  request_clocks: RequestClocksTable;
  sla_outcome_days: SlaOutcomeDaysTable;
  sla_outcome_journal: SlaOutcomeJournalTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  mail_outbox: MailOutboxTable;
  calendar_sources: CalendarSourcesTable;
  calendar_days: CalendarDaysTable;
  settings: SettingsTable;
  units: UnitsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  request_number_counters: RequestNumberCountersTable;
  requests: RequestsTable;
  request_events: RequestEventsTable;
  comments: CommentsTable;
  attachments: AttachmentsTable;
  attachment_contents: AttachmentContentsTable;
  audit_log: AuditLogTable;
}

export type UserRow = Selectable<UsersTable>;
export type UnitRow = Selectable<UnitsTable>;
export type RequestRow = Selectable<RequestsTable>;
export type NewRequestRow = Insertable<RequestsTable>;
