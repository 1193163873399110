/**
 * Issue 3: who a request waits for, kept with it after every step (see
 * src/domain/workflow/waiting.ts), so the queue's "waits for me" is one indexed lookup.
 */
export const up = [
  `alter table requests add column waiting_keys text[] not null default '{}'`,
  `create index requests_waiting_keys_idx on requests using gin (waiting_keys)`,
];
