/**
 * LiveTex's file through the engine's writer, from a store filled by pulls: the interface's
 * columns in order, markers never empty cells, employees as `First Last (id)`, datetimes as
 * received, the CSV rules (BOM, CRLF, neutralised formula-like cells); the popup's counts.
 */
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFile } from '@/utils/engine/file';
import { apiTask, newJob } from '@/utils/engine/run';
import { ExportDb } from '@/utils/engine/store';
import { DEFAULT_SETTINGS } from '@/utils/settings/schema';
import { finishApiTask } from '@/utils/sources/livetex/commits';
import { counts, hiddenByRoles } from '@/utils/sources/livetex/counts';
import { putLeads } from '@/utils/sources/livetex/facts';
import type { Identity, LeadRow } from '@/utils/sources/livetex/types';

const ACCOUNT = 'http://127.0.0.1:4100';
const TARGET = { source: 'livetex', account: ACCOUNT, partition: '', scope: 'leads' } as const;
const operator: Identity = { slot: 'cabinet', employeeId: 70007, role: 'operator', name: 'Анна Петренко (70007)', restricted: true };
const opened: ExportDb[] = [];

function freshDb(): ExportDb {
  const db = new ExportDb(`livetex-${Math.random()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const rows: LeadRow[] = [
  {
    id: 200001,
    name: '=HYPERLINK("x")',
    email: 'a@shop.example',
    phone: '+380 (44) 123-45-67',
    type: 'form',
    result: 'completed',
    text: 'Добрий день;\r\n"лапки" <b>жирний</b> 😀',
    answer_text: '',
    site: { id: 1201, url: 'https://shop.example' },
    department: { id: 3404, title: 'VIP "Gold"' },
    created_at: '2025-01-02T10:00:00',
    updated_at: '2025-01-02 11:00:00',
    completed_at: '2025-01-02T08:30:00Z',
    duration: 5400,
    created_by: null,
    assigned_to: { id: 70007, first_name: 'Анна', last_name: 'Петренко' },
    completed_by: { id: 70999 },
    is_managed: true,
  },
  {
    id: 200002,
    name: 'Іван',
    phone: '0441234567',
    type: 'chat',
    result: 'missed',
    site: { id: 1203 },
    department: null,
    created_at: '2025-01-03T10:00:00',
    updated_at: '2025-01-03T10:00:00',
    is_managed: false,
  },
];

async function seeded(): Promise<ExportDb> {
  const db = freshDb();
  await putLeads(db, ACCOUNT, operator, rows, '2025-02-01T00:00:00Z');
  return db;
}

describe('LiveTex file', () => {
  it('writes the interface’s columns and every lead once, a hidden text as its marker', async () => {
    const db = await seeded();
    const file = await buildFile(db, TARGET, DEFAULT_SETTINGS, 'en-US', new Date(2025, 1, 3));
    expect(file.fileName).toBe('livetex-leads-127.0.0.1_4100-2025-02-03.csv');
    expect(file.text.startsWith('\uFEFFid,name,email,phone,type,result,text,answer_text,text_visibility,site_id,site_url,')).toBe(true);
    const [header, first, second] = Papa.parse<string[]>(file.text.slice(1), { skipEmptyLines: true }).data;
    const cell = (row: string[], c: string) => row[header.indexOf(c)];
    expect(header.slice(-2)).toEqual(['pulled_by', 'flags']);
    expect(file.rows).toBe(2);
    expect(cell(first, 'name')).toBe(`'=HYPERLINK("x")`);
    expect(cell(first, 'phone')).toBe(`'+380 (44) 123-45-67`);
    expect(cell(first, 'text')).toBe('Добрий день;\r\n"лапки" <b>жирний</b> 😀');
    expect(cell(first, 'answer_text')).toBe('');
    expect(cell(first, 'text_visibility')).toBe('visible');
    expect([cell(first, 'site_id'), cell(first, 'site_url'), cell(first, 'department')]).toEqual(['1201', 'https://shop.example', 'VIP "Gold"']);
    expect([cell(first, 'updated_at'), cell(first, 'completed_at')]).toEqual(['2025-01-02 11:00:00', '2025-01-02T08:30:00Z']);
    expect([cell(first, 'created_by'), cell(first, 'assigned_to'), cell(first, 'completed_by')]).toEqual(['', 'Анна Петренко (70007)', '(70999)']);
    expect(cell(first, 'pulled_by')).toBe('Анна Петренко (70007)');
    expect([cell(second, 'text'), cell(second, 'answer_text'), cell(second, 'text_visibility')]).toEqual([
      '[hidden: operator]',
      '[hidden: operator]',
      'hidden',
    ]);
    expect([cell(second, 'site_url'), cell(second, 'department_id')]).toEqual(['', '']);
    expect(file.text.split('\r\n').length).toBeGreaterThan(3);
  });

  it('flags leads a pull no longer lists, and counts what stays hidden for the popup', async () => {
    const db = await seeded();
    const job = newJob('livetex', ACCOUNT, '');
    await db.jobs.put(job);
    const pull = { ...apiTask('pull:cabinet', { ...operator }), ids: [200002], total: 1, done: false };
    await finishApiTask({ db, job, client: null }, pull);
    const file = await buildFile(db, TARGET, DEFAULT_SETTINGS, 'en-US');
    expect(file.text).toContain('no_longer_listed_for Анна Петренко (70007)');
    expect(job.memo.pulls).toMatchObject({ 70007: { role: 'operator', leads: 1 } });

    await db.jobs.put({ ...job, memo: { hiddenByRoles: await hiddenByRoles(db, ACCOUNT) } });
    const lines = await counts(db, job);
    expect(lines.map((l) => [l.label, l.value])).toEqual([
      ['count.leadsStored', 2],
      ['count.hiddenTexts', 1],
      [['count.hiddenFrom', 'operator'], 1],
    ]);
    expect(lines[1].hint).toBe('popup.fillHiddenTexts');
  });
});
