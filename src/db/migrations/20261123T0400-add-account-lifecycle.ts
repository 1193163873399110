/**
 * SEC-1, SEC-2, SEC-3 (issue 5): second factor with recovery codes, mailed password resets,
 * account requests, six-monthly account reviews, and the anchor that lets the audit chain be
 * checked after old records are purged.
 */
export const up = [
  `alter table users
    add column mfa_secret text,
    add column mfa_pending_secret text,
    add column mfa_enabled_at timestamptz,
    add column mfa_last_step bigint`,

  `create table mfa_recovery_codes (
    id bigint generated always as identity primary key,
    user_id uuid not null references users(id) on delete cascade,
    code_hash text not null,
    used_at timestamptz
  )`,
  `create index mfa_recovery_codes_user_idx on mfa_recovery_codes (user_id)`,

  `create table mfa_challenges (
    id text primary key,
    user_id uuid not null references users(id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    ip text,
    user_agent text
  )`,

  `create table password_resets (
    id text primary key,
    user_id uuid not null references users(id) on delete cascade,
    purpose text not null check (purpose in ('reset', 'new_account')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz,
    ip text
  )`,
  `create index password_resets_user_idx on password_resets (user_id)`,
  `create index password_resets_ip_idx on password_resets (ip, created_at)`,

  `create table account_requests (
    id uuid primary key default gen_random_uuid(),
    status text not null check (status in ('pending_supervisor', 'pending_admin', 'approved', 'rejected')),
    username text not null,
    display_name text not null,
    email text not null,
    phone text,
    unit_id uuid not null references units(id),
    kind text not null check (kind in ('staff', 'contractor', 'vendor', 'external')),
    expires_on date,
    roles jsonb not null,
    reason text not null,
    requested_by uuid not null references users(id),
    requested_at timestamptz not null,
    supervisor_id uuid references users(id),
    supervisor_at timestamptz,
    supervisor_note text,
    admin_id uuid references users(id),
    admin_at timestamptz,
    admin_note text,
    created_user_id uuid references users(id)
  )`,
  `create index account_requests_status_idx on account_requests (status, requested_at desc)`,

  `create table account_reviews (
    id uuid primary key default gen_random_uuid(),
    title text not null,
    opened_at timestamptz not null,
    due_at timestamptz not null,
    closed_at timestamptz,
    opened_by uuid references users(id),
    last_chased_at timestamptz
  )`,
  `create unique index account_reviews_one_open on account_reviews ((closed_at is null)) where closed_at is null`,

  `create table account_review_items (
    id uuid primary key default gen_random_uuid(),
    review_id uuid not null references account_reviews(id) on delete cascade,
    user_id uuid not null references users(id),
    unit_id uuid references units(id),
    roles jsonb not null,
    reviewer_ids jsonb not null,
    decision text check (decision in ('keep', 'revoke')),
    decided_by uuid references users(id),
    decided_at timestamptz,
    note text not null default '',
    chased integer not null default 0,
    unique (review_id, user_id)
  )`,
  `create index account_review_items_review_idx on account_review_items (review_id, decision)`,
];
