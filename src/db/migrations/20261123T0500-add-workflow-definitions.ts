/**
 * Issue 3: the workflow definitions, one row per request type and version. A published version
 * never changes; a request keeps the version it started with, where it stands in it, the data
 * its steps collected, its type's own form fields and its current stage with the stage's assignee.
 */
export const up = [
  `create table workflow_definitions (
    type text not null check (type in ('general', 'app_dev', 'equipment', 'web_content',
      'relocation', 'security_incident', 'vendor_account')),
    version integer not null check (version >= 1),
    definition jsonb not null,
    created_at timestamptz not null,
    created_by uuid references users(id),
    primary key (type, version)
  )`,
  `alter table requests
    add column workflow_version integer,
    add column workflow_state jsonb,
    add column workflow_data jsonb not null default '{}'::jsonb,
    add column form jsonb not null default '{}'::jsonb,
    add column stage text,
    add column stage_assignee_id uuid references users(id)`,
  `create index requests_workflow_idx on requests (type, workflow_version)`,
];
