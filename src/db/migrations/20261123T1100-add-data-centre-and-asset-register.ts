/**
 * Issue 6: data-centre equipment move-in/out applications (a request type, `dc_equipment`), the
 * documents they carry (an attachment names its document and device), re-applications linking the
 * returned application, clocks that may run again, the asset register that grows into the CMDB (ITSM-3: items, relations
 * between them, their history, and requests or incidents pointing at them), and deputies (ORG-3:
 * someone acts for an absent role holder for a set time).
 */
const ROLES = `'requester', 'section_chief', 'division_deputy', 'division_head', 'desk_agent', 'it_officer',
  'it_chief', 'deputy_director_general', 'director_general', 'onsite_manager', 'vendor_engineer',
  'company_admin', 'security_officer', 'dc_admin', 'asset_keeper', 'network_admin', 'antivirus_officer',
  'mdr_officer', 'vans_officer', 'netsec_chief', 'auditor', 'admin'`;

export const up = [
  `alter table requests drop constraint requests_type_check`,
  `alter table requests add constraint requests_type_check check (type in ('general', 'app_dev', 'equipment',
    'web_content', 'relocation', 'security_incident', 'vendor_account', 'dc_equipment'))`,
  `alter table workflow_definitions drop constraint workflow_definitions_type_check`,
  `alter table workflow_definitions add constraint workflow_definitions_type_check check (type in ('general',
    'app_dev', 'equipment', 'web_content', 'relocation', 'security_incident', 'vendor_account', 'dc_equipment'))`,
  `alter table requests add column previous_request_id uuid references requests(id)`,
  `create index requests_previous_idx on requests (previous_request_id) where previous_request_id is not null`,

  // A step can run again (a reviewer looks again after a correction): one open clock per key, and
  // the finished runs stay for the service-level report.
  `alter table request_clocks drop constraint request_clocks_request_id_target_key_key`,
  `create unique index request_clocks_open_key on request_clocks (request_id, target_key) where status <> 'stopped'`,

  `alter table attachments add column document text`,
  `alter table attachments add column device integer check (device >= 0)`,

  `alter table request_events drop constraint request_events_kind_check`,
  `alter table request_events add constraint request_events_kind_check check (kind in ('created', 'commented',
    'attachment_added', 'assigned', 'status_changed', 'clock_started', 'clock_paused', 'clock_resumed',
    'clock_warning', 'clock_breached', 'clock_stopped', 'escalated', 'chased', 'transition',
    'reported_internally', 'reported_externally', 'account_created', 'archived', 'assets_registered'))`,

  `create table assets (
    id uuid primary key default gen_random_uuid(),
    asset_number text not null,
    name text not null,
    kind text not null,
    status text not null check (status in ('in_service', 'carried_out', 'retired')),
    owner_unit_id uuid references units(id),
    rack_location text not null default '',
    ip_addresses text[] not null default '{}',
    os text not null default '',
    os_version text not null default '',
    brand text not null default '',
    model text not null default '',
    serial_number text not null default '',
    attributes jsonb not null default '{}'::jsonb,
    evidence jsonb not null default '{}'::jsonb,
    moved_in_request_id uuid references requests(id),
    moved_out_request_id uuid references requests(id),
    in_service_since date,
    retired_on date,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create unique index assets_number_key on assets (lower(asset_number))`,
  `create index assets_owner_idx on assets (owner_unit_id, status)`,
  `create index assets_status_idx on assets (status, asset_number)`,

  `create table asset_relations (
    from_asset_id uuid not null references assets(id) on delete cascade,
    to_asset_id uuid not null references assets(id) on delete cascade,
    kind text not null check (kind in ('runs_on', 'connected_to', 'depends_on', 'part_of')),
    created_by uuid references users(id),
    created_at timestamptz not null default now(),
    primary key (from_asset_id, to_asset_id, kind),
    check (from_asset_id <> to_asset_id)
  )`,
  `create index asset_relations_to_idx on asset_relations (to_asset_id)`,

  `create table asset_history (
    id bigint generated always as identity primary key,
    asset_id uuid not null references assets(id) on delete cascade,
    kind text not null check (kind in ('registered', 'moved_out', 'carried_out', 'carried_in', 'updated',
      'related', 'unrelated', 'linked', 'unlinked')),
    request_id uuid references requests(id),
    actor_id uuid references users(id),
    at timestamptz not null,
    data jsonb not null default '{}'::jsonb
  )`,
  `create index asset_history_asset_idx on asset_history (asset_id, id)`,

  `create table request_assets (
    request_id uuid not null references requests(id) on delete cascade,
    asset_id uuid not null references assets(id) on delete cascade,
    created_by uuid references users(id),
    created_at timestamptz not null default now(),
    primary key (request_id, asset_id)
  )`,
  `create index request_assets_asset_idx on request_assets (asset_id)`,

  `create table deputies (
    id uuid primary key default gen_random_uuid(),
    principal_id uuid not null references users(id) on delete cascade,
    deputy_id uuid not null references users(id) on delete cascade,
    role text not null check (role in (${ROLES})),
    unit_id uuid references units(id),
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    reason text not null,
    created_by uuid references users(id),
    created_at timestamptz not null default now(),
    revoked_at timestamptz,
    check (ends_at > starts_at),
    check (principal_id <> deputy_id)
  )`,
  `create index deputies_deputy_idx on deputies (deputy_id, ends_at)`,
  `create index deputies_principal_idx on deputies (principal_id, ends_at)`,
];
