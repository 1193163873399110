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
export const REQUEST_EVENT_KINDS = ['created', 'commented', 'attachment_added', 'assigned', 'status_changed'] as const;
export type RequestEventKind = (typeof REQUEST_EVENT_KINDS)[number];
