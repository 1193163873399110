/**
 * SEC-1 (004 參): lock-out after consecutive failures, password age and history, and failed
 * sign-ins by address for throttling.
 */
export const up = [
  `alter table users
    add column failed_attempts integer not null default 0,
    add column locked_at timestamptz,
    add column password_changed_at timestamptz not null default now()`,

  `create table password_history (
    id bigint generated always as identity primary key,
    user_id uuid not null references users(id) on delete cascade,
    password_hash text not null,
    created_at timestamptz not null default now()
  )`,
  `create index password_history_user_idx on password_history (user_id, id desc)`,

  `create table login_failures (
    id bigint generated always as identity primary key,
    ip text,
    username text not null,
    at timestamptz not null
  )`,
  `create index login_failures_ip_idx on login_failures (ip, at)`,
];
