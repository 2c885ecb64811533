/** CRM-like rows for the .xlsx speed check: 52 columns, Cyrillic names, phones, dates, notes. */
import type { XlsxColumn } from '../../utils/files/xlsx';

const NAMES = ['Олена Коваленко', 'Іван Петренко', 'Мария Иванова', 'John Smith', 'Анна-Марія Шевчук', 'Дмитро'];
const STATUSES = ['Новий', 'Пробне заняття', 'Відмова', 'Думає', 'Не додзвонилися'];
const REASONS = ['Дорого', 'Далеко їхати', 'Обрали іншу школу', 'Немає часу', ''];
const SOURCES = ['Instagram', 'Сайт', 'Рекомендація', 'Facebook', ''];
const NOTES = ['', '', '', 'Передзвонити після 18:00', 'Мама просить\nнабрати у вівторок', 'Цікавить англійська, рівень A2; група 3'];

/** Column types as the export would declare them: ids and counts numbers, dates dates, the rest text. */
export function columns(): XlsxColumn[] {
  const cols: XlsxColumn[] = [
    { header: 'id', type: 'number' },
    { header: 'name', type: 'text' },
    { header: 'phone', type: 'text' },
    { header: 'email', type: 'text' },
    { header: 'branch_id', type: 'number' },
    { header: 'is_study', type: 'number' },
    { header: 'archived', type: 'number' },
    { header: 'lead_status_id', type: 'number' },
    { header: 'lead_status', type: 'text' },
    { header: 'lead_reject_id', type: 'number' },
    { header: 'lead_reject_reason', type: 'text' },
    { header: 'customer_reject_id', type: 'number' },
    { header: 'customer_reject_reason', type: 'text' },
    { header: 'archived_at', type: 'datetime' },
    { header: 'lead_source_id', type: 'number' },
    { header: 'lead_source', type: 'text' },
    { header: 'assigned_id', type: 'number' },
    { header: 'created_at', type: 'datetime' },
    { header: 'updated_at', type: 'datetime' },
    { header: 'source', type: 'text' },
  ];
  for (let i = 0; cols.length < 52; i++) {
    const type = (['text', 'text', 'number', 'date'] as const)[i % 4];
    cols.push({ header: `custom_${i}`, type });
  }
  return cols;
}

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length];
}

function day(n: number): string {
  const d = new Date(Date.UTC(2019, 0, 1) + (n % 2000) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export function row(id: number, cols: XlsxColumn[]): string[] {
  const cells = [
    String(id),
    pick(NAMES, id),
    `+38050${String(1_000_000 + ((id * 7919) % 9_000_000))}`,
    id % 3 ? `user${id}@example.com` : '',
    String(1 + (id % 3)),
    String(id % 2),
    String(id % 5 === 0 ? 1 : 0),
    String(id % 7),
    pick(STATUSES, id),
    id % 4 ? '' : String(id % 9),
    id % 4 ? '' : pick(REASONS, id),
    '',
    '',
    id % 5 ? '' : `${day(id + 30)} 12:${String(id % 60).padStart(2, '0')}:00`,
    String(id % 6),
    pick(SOURCES, id),
    String(100 + (id % 12)),
    `${day(id)} 09:15:${String(id % 60).padStart(2, '0')}`,
    `${day(id + 3)} 17:40:00`,
    'api',
  ];
  for (let i = cells.length; i < cols.length; i++) {
    const type = cols[i].type;
    const k = id + i;
    if (k % 3 === 0) cells.push('');
    else if (type === 'number') cells.push(String(k % 1000));
    else if (type === 'date') cells.push(k % 2 ? day(k) : `${String(1 + (k % 28)).padStart(2, '0')}.0${1 + (k % 9)}.2023`);
    else cells.push(pick(NOTES, k) || pick(STATUSES, k));
  }
  return cells;
}

/** `rows` rows in chunks of `chunk`, as the export hands them over. */
export function chunkedRows(cols: XlsxColumn[], rows: number, chunk: number): string[][][] {
  const chunks: string[][][] = [];
  for (let start = 1; start <= rows; start += chunk) {
    const part: string[][] = [];
    for (let id = start; id < start + chunk && id <= rows; id++) part.push(row(id, cols));
    chunks.push(part);
  }
  return chunks;
}

/** The files' date in both runs, so Node's and Chromium's bytes can be compared. */
export const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

/** FNV-1a over the file's bytes: equal digests, equal files (for this check). */
export function digest(parts: Uint8Array[]): string {
  let h = 0x811c9dc5;
  for (const part of parts) for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part[i], 0x01000193);
  return (h >>> 0).toString(16);
}
