/** The CSV's fixed columns (shared/extension-interface.md), in their order. */
export const FIXED_COLUMNS = [
  'id',
  'name',
  'phone',
  'email',
  'branch_id',
  'is_study',
  'archived',
  'lead_status_id',
  'lead_status',
  'lead_reject_id',
  'lead_reject_reason',
  'customer_reject_id',
  'customer_reject_reason',
  'archived_at',
  'lead_source_id',
  'lead_source',
  'assigned_id',
  'created_at',
  'updated_at',
  'source',
] as const;

/** API keys that the fixed columns already represent (never repeated as extra columns). */
export const REPRESENTED_API_KEYS: ReadonlySet<string> = new Set<string>([...FIXED_COLUMNS, 'branch_ids']);
