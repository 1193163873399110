/**
 * Issue 4 (SLA-2, 004 壹一): a connected agency's notice of a rule change, given ten working days
 * ahead, is a request type (`rule_change`). And a file uploaded by mistake can be withdrawn while
 * the request still waits for its requester, which the history records.
 */
const TYPES = `'general', 'app_dev', 'equipment', 'web_content', 'relocation', 'security_incident',
  'vendor_account', 'dc_equipment', 'rule_change'`;

export const up = [
  `alter table requests drop constraint requests_type_check`,
  `alter table requests add constraint requests_type_check check (type in (${TYPES}))`,
  `alter table workflow_definitions drop constraint workflow_definitions_type_check`,
  `alter table workflow_definitions add constraint workflow_definitions_type_check check (type in (${TYPES}))`,
  `alter table request_events drop constraint request_events_kind_check`,
  `alter table request_events add constraint request_events_kind_check check (kind in ('created', 'commented',
    'attachment_added', 'attachment_removed', 'assigned', 'status_changed', 'clock_started', 'clock_paused',
    'clock_resumed', 'clock_warning', 'clock_breached', 'clock_stopped', 'escalated', 'chased', 'transition',
    'reported_internally', 'reported_externally', 'account_created', 'archived', 'assets_registered'))`,
];
