/**
 * SLA-1: the government office calendar as loaded from its open-data files, one source active per
 * year; and agency settings (office hours first) as JSON values by key.
 */
export const up = [
  `create table calendar_sources (
    id uuid primary key default gen_random_uuid(),
    year integer not null,
    file_name text not null,
    origin text not null check (origin in ('shipped', 'imported')),
    revision bigint not null,
    sha256 text not null,
    day_count integer not null,
    holiday_count integer not null,
    active boolean not null,
    imported_by uuid references users(id),
    imported_at timestamptz not null default now()
  )`,
  `create unique index calendar_sources_active_year on calendar_sources (year) where active`,

  `create table calendar_days (
    date date primary key,
    holiday boolean not null,
    note text not null default '',
    source_id uuid not null references calendar_sources(id)
  )`,

  `create table settings (
    key text primary key,
    value jsonb not null,
    updated_at timestamptz not null default now(),
    updated_by uuid references users(id)
  )`,
];
