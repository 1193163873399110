/**
 * SLA-2, SLA-3: request priority, escalation tier and service-level summary (the queue's badge and
 * sort key, kept by the SLA service), service-level clocks (each row is also the
 * durable job that checks it: `next_check_at`), in-app notifications, mail preferences and the
 * mail outbox.
 */
export const up = [
  `alter table requests
    add column priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
    add column escalation_tier text not null default 'first_line_desk'
      check (escalation_tier in ('first_line_desk', 'second_line_technical', 'third_line_system_owner', 'vendor')),
    add column sla_state text not null default 'none' check (sla_state in ('none', 'running', 'paused', 'breached', 'met')),
    add column sla_due_at timestamptz`,
  `create index requests_sla_due_idx on requests (sla_due_at) where sla_due_at is not null`,

  `alter table request_events drop constraint request_events_kind_check`,
  `alter table request_events add constraint request_events_kind_check check (kind in ('created', 'commented',
    'attachment_added', 'assigned', 'status_changed', 'clock_started', 'clock_paused', 'clock_resumed',
    'clock_warning', 'clock_breached', 'clock_stopped', 'escalated', 'chased'))`,

  `create table request_clocks (
    id uuid primary key default gen_random_uuid(),
    request_id uuid not null references requests(id) on delete cascade,
    target_key text not null,
    basis text not null check (basis in ('working', 'wall')),
    target_ms bigint not null check (target_ms >= 0),
    status text not null check (status in ('running', 'paused', 'stopped')),
    consumed_ms bigint not null default 0,
    running_since timestamptz,
    started_at timestamptz not null,
    stopped_at timestamptz,
    due_at timestamptz,
    warnings_sent integer not null default 0,
    breached_at timestamptz,
    chase_count integer not null default 0,
    next_check_at timestamptz,
    unique (request_id, target_key)
  )`,
  `create index request_clocks_next_check_idx on request_clocks (next_check_at) where next_check_at is not null`,
  `create index request_clocks_due_idx on request_clocks (due_at) where status = 'running'`,

  `create table notifications (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    kind text not null,
    request_id uuid references requests(id) on delete cascade,
    title text not null,
    title_en text not null,
    body text not null,
    body_en text not null,
    created_at timestamptz not null default now(),
    read_at timestamptz
  )`,
  `create index notifications_user_idx on notifications (user_id, created_at desc)`,
  `create index notifications_unread_idx on notifications (user_id) where read_at is null`,

  `create table notification_preferences (
    user_id uuid not null references users(id) on delete cascade,
    kind text not null,
    by_mail boolean not null,
    primary key (user_id, kind)
  )`,

  `create table mail_outbox (
    id uuid primary key default gen_random_uuid(),
    to_address text not null,
    to_user_id uuid references users(id) on delete set null,
    subject text not null,
    body text not null,
    status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'kept')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error text,
    created_at timestamptz not null default now(),
    sent_at timestamptz
  )`,
  `create index mail_outbox_pending_idx on mail_outbox (next_attempt_at) where status = 'pending'`,
];
