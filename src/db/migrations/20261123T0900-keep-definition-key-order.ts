/**
 * Issue 3: `jsonb` reorders object keys, and a definition's key order is the order of its forms'
 * fields. Definitions are kept as `json` (text as written); the shipped versions, stored reordered
 * before this change, are removed here and published again from their files on first use.
 */
export const up = [
  `alter table workflow_definitions alter column definition type json using definition::json`,
  `delete from workflow_definitions where created_by is null`,
];
