/**
 * The core: organisation (ORG-1..3), accounts, sessions and API tokens, requests with their
 * history, comments and attachments, the per-year request number counters and the audit trail.
 */
export const up = [
  `create table units (
    id uuid primary key default gen_random_uuid(),
    parent_id uuid references units(id),
    code text not null unique,
    name text not null,
    name_en text not null,
    kind text not null check (kind in ('agency', 'division', 'section')),
    sort_order integer not null default 0,
    created_at timestamptz not null default now()
  )`,
  `create index units_parent_idx on units (parent_id)`,

  `create table users (
    id uuid primary key default gen_random_uuid(),
    username text not null,
    display_name text not null,
    email text,
    phone text,
    unit_id uuid references units(id),
    kind text not null default 'staff' check (kind in ('staff', 'contractor', 'vendor', 'external')),
    password_hash text not null,
    must_change_password boolean not null default false,
    disabled_at timestamptz,
    expires_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create unique index users_username_key on users (lower(username))`,

  `create table role_assignments (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    role text not null check (role in ('requester', 'section_chief', 'division_deputy',
      'division_head', 'desk_agent', 'it_officer', 'it_chief', 'deputy_director_general',
      'director_general', 'onsite_manager', 'vendor_engineer', 'company_admin', 'security_officer',
      'dc_admin', 'asset_keeper', 'network_admin', 'antivirus_officer', 'mdr_officer',
      'vans_officer', 'netsec_chief', 'auditor', 'admin')),
    unit_id uuid references units(id),
    created_at timestamptz not null default now()
  )`,
  `create unique index role_assignments_key on role_assignments
    (user_id, role, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
  `create index role_assignments_role_idx on role_assignments (role)`,

  `create table sessions (
    id text primary key,
    user_id uuid not null references users(id) on delete cascade,
    csrf_token text not null,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null,
    ip text,
    user_agent text
  )`,
  `create index sessions_user_idx on sessions (user_id)`,

  `create table api_tokens (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    name text not null,
    prefix text not null,
    token_hash text not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    last_used_at timestamptz,
    revoked_at timestamptz
  )`,
  `create index api_tokens_user_idx on api_tokens (user_id)`,

  `create table request_number_counters (
    prefix text not null,
    year integer not null,
    last_value integer not null,
    primary key (prefix, year)
  )`,

  `create table requests (
    id uuid primary key default gen_random_uuid(),
    number text not null unique,
    type text not null check (type in ('general', 'app_dev', 'equipment', 'web_content',
      'relocation', 'security_incident', 'vendor_account')),
    channel text not null check (channel in ('web', 'phone', 'email')),
    status text not null check (status in ('submitted', 'in_progress', 'waiting', 'resolved',
      'closed', 'rejected', 'cancelled')),
    unit_id uuid not null references units(id),
    applicant_user_id uuid references users(id),
    applicant_name text not null,
    applicant_phone text not null,
    application_date date not null,
    wished_date date not null,
    title text not null,
    description text not null,
    created_by uuid not null references users(id),
    assignee_id uuid references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    closed_at timestamptz
  )`,
  `create index requests_status_created_idx on requests (status, created_at desc)`,
  `create index requests_unit_created_idx on requests (unit_id, created_at desc)`,
  `create index requests_assignee_idx on requests (assignee_id, status)`,
  `create index requests_applicant_idx on requests (applicant_user_id)`,
  `create index requests_created_by_idx on requests (created_by)`,
  `create index requests_created_idx on requests (created_at desc)`,

  `create table request_events (
    id bigint generated always as identity primary key,
    request_id uuid not null references requests(id) on delete cascade,
    seq integer not null,
    kind text not null check (kind in ('created', 'commented', 'attachment_added', 'assigned',
      'status_changed')),
    actor_id uuid references users(id),
    at timestamptz not null default now(),
    from_status text,
    to_status text,
    data jsonb not null default '{}'::jsonb,
    unique (request_id, seq)
  )`,

  `create table comments (
    id uuid primary key default gen_random_uuid(),
    ordinal bigint generated always as identity unique,
    request_id uuid not null references requests(id) on delete cascade,
    author_id uuid not null references users(id),
    body text not null,
    created_at timestamptz not null default now()
  )`,
  `create index comments_request_idx on comments (request_id, ordinal)`,

  `create table attachments (
    id uuid primary key default gen_random_uuid(),
    ordinal bigint generated always as identity unique,
    request_id uuid not null references requests(id) on delete cascade,
    file_name text not null,
    content_type text not null,
    size integer not null check (size >= 0),
    sha256 text not null,
    uploaded_by uuid not null references users(id),
    created_at timestamptz not null default now()
  )`,
  `create index attachments_request_idx on attachments (request_id, ordinal)`,
  `create table attachment_contents (
    attachment_id uuid primary key references attachments(id) on delete cascade,
    content bytea not null
  )`,

  `create table audit_log (
    id bigint primary key,
    at timestamptz not null,
    actor_id uuid references users(id),
    action text not null,
    object_type text,
    object_id text,
    ip text,
    data jsonb not null default '{}'::jsonb,
    prev_hash text,
    hash text not null
  )`,
  `create index audit_log_at_idx on audit_log (at)`,
  `create index audit_log_object_idx on audit_log (object_type, object_id)`,
];
