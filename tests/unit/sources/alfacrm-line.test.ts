/** AlfaCRM's export-ready line: written as separated text, read back cell for cell, whatever the values. */
import { describe, expect, it } from 'vitest';
import { toRow } from '@/utils/engine/rows';
import { derive } from '@/utils/sources/alfacrm/derive';
import { encodeLine, lineCells, project } from '@/utils/sources/alfacrm/line';
import { FIXED_COLUMNS } from '@/utils/sources/alfacrm/merge';
import type { ApiFacts } from '@/utils/sources/alfacrm/types';

const HOST = 'https://demo.s20.online';
const lineOf = (record: Record<string, unknown>) => {
  const api: ApiFacts = { record: { branch_ids: [1], is_study: 0, ...record } as ApiFacts['record'], archived: false, fetchedAt: '' };
  const made = project(toRow('alfacrm', HOST, Number(record.id), { api }, derive))!;
  return { id: Number(record.id), parts: [`alfacrm|${HOST}|1`], ...made };
};

describe('the export-ready line', () => {
  it('gives back every cell, extra columns in the order asked, missing ones empty', () => {
    const line = lineOf({ id: 7, name: 'Анна; "Ко"\r\nнова', custom_b: '2', custom_a: '=1+1', phone: ['+380 1', '+380 2'] });
    expect(line.data.startsWith('\u001e')).toBe(true);
    const cells = lineCells(line, 3, null, ['custom_a', 'custom_zz', 'custom_b']);
    expect(cells).toHaveLength(FIXED_COLUMNS.length + 3);
    expect(cells[FIXED_COLUMNS.indexOf('name')]).toBe('Анна; "Ко"\r\nнова');
    expect(cells[FIXED_COLUMNS.indexOf('branch_id')]).toBe('3');
    expect(cells.slice(-3)).toEqual(['=1+1', '', '2']);
  });

  it('keeps a line whose values hold the separators as JSON, and reads it (and every line written before) the same', () => {
    const hostile = lineOf({ id: 8, name: 'a\u001fb\u001ec', custom_x: 'x\u001fy' });
    expect(hostile.data.startsWith('[')).toBe(true);
    expect(lineCells(hostile, 1, null, ['custom_x'])).toEqual(expect.arrayContaining(['a\u001fb\u001ec', 'x\u001fy']));
    const fixed = FIXED_COLUMNS.map((c) => `v-${c}`);
    const asBefore = { id: 9, parts: [], scopes: ['all'], data: JSON.stringify([fixed, { custom_x: '1' }]) };
    const asNow = { ...asBefore, data: encodeLine(fixed, { custom_x: '1' }) };
    expect(lineCells(asNow, 1, null, ['custom_x'])).toEqual(lineCells(asBefore, 1, null, ['custom_x']));
  });
});
