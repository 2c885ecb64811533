/**
 * `npx tsx bench/xlsx-speed.ts [rows] [level]`: the .xlsx writer on 100,000 rows × 52 columns of
 * CRM-like strings in chunks of 2,000 (as the export feeds it), against two floors on the same
 * rows: a plain CSV join and the project's CSV writer (PapaParse). A speed check, not a test.
 * XLSX_OUT=path also writes the file.
 */
import { writeFileSync } from 'node:fs';
import { csvChunkOfCells } from '../utils/csv';
import { createXlsxWriter, type XlsxColumn } from '../utils/xlsx';
import { RowWriter } from '../utils/xlsx/sheet-xml';
import { XmlBytes } from '../utils/xlsx/xml-bytes';

const ROWS = Number(process.argv[2] ?? 100_000);
const LEVEL = Number(process.argv[3] ?? 1) as 1;
const CHUNK = 2000;

const NAMES = ['Олена Коваленко', 'Іван Петренко', 'Мария Иванова', 'John Smith', 'Анна-Марія Шевчук', 'Дмитро'];
const STATUSES = ['Новий', 'Пробне заняття', 'Відмова', 'Думає', 'Не додзвонилися'];
const REASONS = ['Дорого', 'Далеко їхати', 'Обрали іншу школу', 'Немає часу', ''];
const SOURCES = ['Instagram', 'Сайт', 'Рекомендація', 'Facebook', ''];
const NOTES = ['', '', '', 'Передзвонити після 18:00', 'Мама просить\nнабрати у вівторок', 'Цікавить англійська, рівень A2; група 3'];

/** Column types as the export would declare them: ids and counts numbers, dates dates, the rest text. */
function columns(): XlsxColumn[] {
  const cols: XlsxColumn[] = [
    { header: 'id', type: 'number' }, { header: 'name', type: 'text' }, { header: 'phone', type: 'text' },
    { header: 'email', type: 'text' }, { header: 'branch_id', type: 'number' }, { header: 'is_study', type: 'number' },
    { header: 'archived', type: 'number' }, { header: 'lead_status_id', type: 'number' }, { header: 'lead_status', type: 'text' },
    { header: 'lead_reject_id', type: 'number' }, { header: 'lead_reject_reason', type: 'text' },
    { header: 'customer_reject_id', type: 'number' }, { header: 'customer_reject_reason', type: 'text' },
    { header: 'archived_at', type: 'datetime' }, { header: 'lead_source_id', type: 'number' }, { header: 'lead_source', type: 'text' },
    { header: 'assigned_id', type: 'number' }, { header: 'created_at', type: 'datetime' }, { header: 'updated_at', type: 'datetime' },
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

function row(id: number, cols: XlsxColumn[]): string[] {
  const cells = [
    String(id), pick(NAMES, id), `+38050${String(1_000_000 + (id * 7919) % 9_000_000)}`, id % 3 ? `user${id}@example.com` : '',
    String(1 + (id % 3)), String(id % 2), String(id % 5 === 0 ? 1 : 0), String(id % 7), pick(STATUSES, id),
    id % 4 ? '' : String(id % 9), id % 4 ? '' : pick(REASONS, id), '', '',
    id % 5 ? '' : `${day(id + 30)} 12:${String(id % 60).padStart(2, '0')}:00`, String(id % 6), pick(SOURCES, id),
    String(100 + (id % 12)), `${day(id)} 09:15:${String(id % 60).padStart(2, '0')}`, `${day(id + 3)} 17:40:00`, 'api',
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

const cols = columns();
const chunks: string[][][] = [];
for (let start = 1; start <= ROWS; start += CHUNK) {
  const chunk: string[][] = [];
  for (let id = start; id < start + CHUNK && id <= ROWS; id++) chunk.push(row(id, cols));
  chunks.push(chunk);
}

function timed<T>(label: string, run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

const [csvSize, csvMs] = timed('csv join', () => {
  let size = 0;
  for (const chunk of chunks) size += chunk.map((r) => r.join(';')).join('\r\n').length;
  return size;
});
const heapBefore = process.memoryUsage().heapUsed;
let peakExtra = 0;
const [parts, xlsxMs] = timed('xlsx', () => {
  const writer = createXlsxWriter(cols, { sheetName: 'Leads', level: LEVEL });
  const out: Uint8Array[] = [];
  for (const chunk of chunks) {
    out.push(...writer.addRows(chunk));
    peakExtra = Math.max(peakExtra, process.memoryUsage().heapUsed - heapBefore);
  }
  out.push(...writer.finish());
  return out;
});
const size = parts.reduce((n, p) => n + p.length, 0);
// The same rows' sheet XML without the zip: what the deflate costs is the difference.
const [xmlSize, xmlMs] = timed('xml', () => {
  let n = 0;
  const rowWriter = new RowWriter(cols.map((c) => c.type), new XmlBytes((bytes) => (n += bytes.length)));
  let r = 1;
  for (const chunk of chunks) for (const cells of chunk) rowWriter.row(++r, cells);
  return n;
});
// Last: the CSV writer empties cells in place (null for '').
const [papaSize, papaMs] = timed('csv writer', () => {
  let n = 0;
  for (const chunk of chunks) n += csvChunkOfCells(chunk, { delimiter: ';', escapeFormulae: true, headerLanguage: 'keys' }).length;
  return n;
});

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
console.log(`${ROWS} rows × ${cols.length} columns, chunks of ${CHUNK}, deflate level ${LEVEL}`);
console.log(`xlsx writer:       ${xlsxMs.toFixed(0)} ms, ${mb(size)} (heap growth while writing ≤ ${mb(peakExtra)})`);
console.log(`  of which XML:     ${xmlMs.toFixed(0)} ms, ${mb(xmlSize)} of sheet XML (the rest is deflate + CRC)`);
console.log(`plain CSV join:    ${csvMs.toFixed(0)} ms, ${mb(csvSize)} chars  → xlsx/join ${(xlsxMs / csvMs).toFixed(1)}×`);
console.log(`CSV writer (Papa): ${papaMs.toFixed(0)} ms, ${mb(papaSize)} chars → xlsx/papa ${(xlsxMs / papaMs).toFixed(1)}×`);
if (process.env.XLSX_OUT) writeFileSync(process.env.XLSX_OUT, Buffer.concat(parts));
