/**
 * Issue 3: history entries for workflow steps, incident reports, accounts created and archiving;
 * and requests filed without an account (TYPE-7's public application page) have no filer.
 */
export const up = [
  `alter table requests alter column created_by drop not null`,
  `alter table request_events drop constraint request_events_kind_check`,
  `alter table request_events add constraint request_events_kind_check check (kind in ('created', 'commented',
    'attachment_added', 'assigned', 'status_changed', 'clock_started', 'clock_paused', 'clock_resumed',
    'clock_warning', 'clock_breached', 'clock_stopped', 'escalated', 'chased', 'transition',
    'reported_internally', 'reported_externally', 'account_created', 'archived'))`,
];
