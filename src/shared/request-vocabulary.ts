/**
 * The closed vocabularies of a request, defined once: TypeScript unions, zod enums, database CHECK
 * constraints and the web app's labels all derive from these lists.
 */

/** The seven request types of 000 ch. 2 (TYPE-1 … TYPE-7). */
export const REQUEST_TYPES = [
  'general',
  'app_dev',
  'equipment',
  'web_content',
  'relocation',
  'security_incident',
  'vendor_account',
  // Issue 6 (001): data-centre equipment move-in/out.
  'dc_equipment',
  // Issue 4 (004 壹一): a connected agency's rule change, announced ten working days ahead.
  'rule_change',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_TYPE_LABELS: Record<RequestType, { 'zh-TW': string; en: string }> = {
  general: { 'zh-TW': '一般資訊服務', en: 'General IT service' },
  app_dev: { 'zh-TW': '應用系統發展及維護', en: 'Application development and maintenance' },
  equipment: { 'zh-TW': '電腦設備申請', en: 'Computer equipment' },
  web_content: { 'zh-TW': '網站內容維護', en: 'Website content maintenance' },
  relocation: { 'zh-TW': '設備移機', en: 'Equipment relocation' },
  security_incident: { 'zh-TW': '資安事件通報', en: 'Security incident' },
  vendor_account: { 'zh-TW': '廠商系統管理者帳號', en: 'Vendor administrator account' },
  dc_equipment: { 'zh-TW': '資訊機房設備移（攜）出入', en: 'Data-centre equipment move in/out' },
  rule_change: { 'zh-TW': '服務介接機關規則變更通知', en: "Connected agency's rule change notice" },
};

/** INT-1: how a request reached the desk. */
export const REQUEST_CHANNELS = ['web', 'phone', 'email'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, { 'zh-TW': string; en: string }> = {
  web: { 'zh-TW': '網頁填單', en: 'Web form' },
  phone: { 'zh-TW': '電話', en: 'Phone' },
  email: { 'zh-TW': '電子郵件', en: 'E-mail' },
};

/**
 * The life-cycle phase every request is in, whatever its workflow: queues, reports and service
 * levels group by it. Workflow definitions map each of their states onto one of these.
 */
export const REQUEST_STATUSES = [
  'submitted',
  'in_progress',
  'waiting',
  'resolved',
  'closed',
  'rejected',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, { 'zh-TW': string; en: string }> = {
  submitted: { 'zh-TW': '已送出', en: 'Submitted' },
  in_progress: { 'zh-TW': '處理中', en: 'In progress' },
  waiting: { 'zh-TW': '等待回覆', en: 'Waiting' },
  resolved: { 'zh-TW': '待驗收', en: 'Awaiting confirmation' },
  closed: { 'zh-TW': '已結案', en: 'Closed' },
  rejected: { 'zh-TW': '已退件', en: 'Returned' },
  cancelled: { 'zh-TW': '已撤銷', en: 'Cancelled' },
};

/** Statuses after which a request no longer changes (comments and files are refused). */
export const FINAL_STATUSES: readonly RequestStatus[] = ['closed', 'rejected', 'cancelled'];

/** Kinds of entry in a request's history. */
export const REQUEST_EVENT_KINDS = [
  'created',
  'commented',
  'attachment_added',
  'attachment_removed',
  'assigned',
  'status_changed',
  'clock_started',
  'clock_paused',
  'clock_resumed',
  'clock_warning',
  'clock_breached',
  'clock_stopped',
  'escalated',
  'chased',
  // Issue 3: a workflow step, and what some steps record besides.
  'transition',
  'reported_internally',
  'reported_externally',
  'account_created',
  'archived',
  // Issue 6: approval entered moved-in devices in the asset register (or closed moved-out ones).
  'assets_registered',
] as const;
export type RequestEventKind = (typeof REQUEST_EVENT_KINDS)[number];

export const REQUEST_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

export const REQUEST_PRIORITY_LABELS: Record<RequestPriority, { 'zh-TW': string; en: string }> = {
  low: { 'zh-TW': '低', en: 'Low' },
  normal: { 'zh-TW': '普通', en: 'Normal' },
  high: { 'zh-TW': '高', en: 'High' },
  urgent: { 'zh-TW': '緊急', en: 'Urgent' },
};

/** SLA-3, 002 PICS: the tiers a breached request escalates through, one at a time. */
export const ESCALATION_TIERS = [
  'first_line_desk',
  'second_line_technical',
  'third_line_system_owner',
  'vendor',
] as const;
export type EscalationTier = (typeof ESCALATION_TIERS)[number];

export const ESCALATION_TIER_LABELS: Record<EscalationTier, { 'zh-TW': string; en: string }> = {
  first_line_desk: { 'zh-TW': '第一線：服務台', en: 'First line: service desk' },
  second_line_technical: { 'zh-TW': '第二線：技術人員', en: 'Second line: technical staff' },
  third_line_system_owner: { 'zh-TW': '第三線：系統負責人', en: 'Third line: system owner' },
  vendor: { 'zh-TW': '廠商', en: 'Vendor' },
};

/** A request's service-level badge: its most urgent clock running, paused, breached, or all met. */
export const SLA_STATES = ['none', 'running', 'paused', 'breached', 'met'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const SLA_STATE_LABELS: Record<SlaState, { 'zh-TW': string; en: string }> = {
  none: { 'zh-TW': '無時限', en: 'No service level' },
  running: { 'zh-TW': '計時中', en: 'Running' },
  paused: { 'zh-TW': '暫停計時', en: 'Paused' },
  breached: { 'zh-TW': '已逾時', en: 'Breached' },
  met: { 'zh-TW': '已達成', en: 'Met' },
};
