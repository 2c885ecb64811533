/** The location's custom-field definitions, kept beside its clients (like AlfaCRM's dictionaries). */
import type { ExportDb } from '../../engine/store';
import { fieldDefs, type FieldDef } from './definitions';

const DEFINITIONS = 'custom-fields';

export async function loadDefinitions(db: ExportDb, account: string): Promise<FieldDef[]> {
  const row = await db.lists.get(['altegio', account, DEFINITIONS]);
  const parsed = fieldDefs.safeParse(row?.items ?? []);
  return parsed.success ? parsed.data : [];
}

export async function saveDefinitions(db: ExportDb, account: string, defs: FieldDef[]): Promise<void> {
  await db.lists.put({ source: 'altegio', account, name: DEFINITIONS, items: defs, fetchedAt: new Date().toISOString() });
}
