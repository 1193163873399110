/** The notices GovDesk sends, in the app and by mail; each user chooses which reach them by mail. */
export const NOTICE_KINDS = [
  'request_new',
  'action_waiting',
  'request_returned',
  'request_resolved',
  'request_closed',
  'sla_warning',
  'sla_breach',
  'sla_escalation',
  'sla_chase',
  'account_request',
  'account_review',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_LABELS: Record<NoticeKind, { 'zh-TW': string; en: string }> = {
  request_new: { 'zh-TW': '新申請案件（服務台）', en: 'New request (desk)' },
  action_waiting: { 'zh-TW': '待您處理的案件', en: 'A request waits for you' },
  request_returned: { 'zh-TW': '申請被退件', en: 'Request returned' },
  request_resolved: { 'zh-TW': '案件已完成，待您驗收', en: 'Request resolved, awaiting your confirmation' },
  request_closed: { 'zh-TW': '案件已結案', en: 'Request closed' },
  sla_warning: { 'zh-TW': '服務時限即將到期', en: 'Service level about to be missed' },
  sla_breach: { 'zh-TW': '已逾服務時限', en: 'Service level missed' },
  sla_escalation: { 'zh-TW': '案件已升級', en: 'Request escalated' },
  sla_chase: { 'zh-TW': '稽催通知', en: 'Reminder (chasing)' },
  account_request: { 'zh-TW': '帳號申請待您核可', en: 'An account request waits for you' },
  account_review: { 'zh-TW': '帳號清查待您確認', en: 'Account review waits for you' },
};
