/**
 * `npx tsx bench/xlsx-speed.ts [rows] [--chromium]`: the .xlsx writer on 100,000 rows × 52
 * columns of CRM-like strings in chunks of 2,000 (as the export feeds it), against two floors on
 * the same rows: a plain CSV join and the project's CSV writer (PapaParse). `--chromium` also runs
 * it in a page of Debian's Chromium, where the export runs. A speed check, not a test: times are
 * wall-clock on whatever machine runs it. XLSX_OUT=path also writes the file.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../tests/e2e/harness';
import { csvChunkOfCells } from '../utils/files/csv';
import { createXlsxWriter, type XlsxBytes } from '../utils/files/xlsx';
import { RowWriter } from '../utils/files/xlsx-parts/sheet-xml';
import { XmlBytes } from '../utils/files/xlsx-parts/xml-bytes';
import { bundleForPage } from './lib/bundle';
import { chunkedRows, columns, digest, FIXED_DATE } from './lib/xlsx-rows';

const ROWS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
const CHUNK = 2000;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

const cols = columns();
const chunks = chunkedRows(cols, ROWS, CHUNK);

const [csvSize, csvMs] = timed(() => {
  let size = 0;
  for (const chunk of chunks) size += chunk.map((r) => r.join(';')).join('\r\n').length;
  return size;
});
const heapBefore = process.memoryUsage().heapUsed;
let heapGrowth = 0;
const [parts, xlsxMs] = timed(() => {
  const writer = createXlsxWriter(cols, { sheetName: 'Leads', modified: FIXED_DATE });
  const out: XlsxBytes[] = [];
  for (const chunk of chunks) {
    out.push(...writer.addRows(chunk));
    heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - heapBefore);
  }
  out.push(...writer.finish());
  return out;
});
const size = parts.reduce((n, p) => n + p.length, 0);
// The same rows' sheet XML without the zip: what the deflate costs is the difference.
const [xmlSize, xmlMs] = timed(() => {
  let n = 0;
  const rowWriter = new RowWriter(
    cols.map((c) => c.type),
    new XmlBytes((bytes) => (n += bytes.length)),
  );
  let r = 1;
  for (const chunk of chunks) for (const cells of chunk) rowWriter.row(++r, cells);
  return n;
});
// Last: the CSV writer empties cells in place (null for '').
const [papaSize, papaMs] = timed(() => {
  let n = 0;
  for (const chunk of chunks) n += csvChunkOfCells(chunk, { delimiter: ';', escapeFormulae: true }).length;
  return n;
});

console.log(`${ROWS} rows × ${cols.length} columns, chunks of ${CHUNK} — Node ${process.version}`);
console.log(`xlsx writer:       ${ms(xlsxMs)}, ${mb(size)}, digest ${digest(parts)} (heap growth, output included, ≤ ${mb(heapGrowth)})`);
console.log(`  of which XML:    ${ms(xmlMs)} for ${mb(xmlSize)} of sheet XML; the rest is deflate and CRC`);
console.log(`plain CSV join:    ${ms(csvMs)}, ${mb(csvSize)} chars → xlsx/join ${(xlsxMs / csvMs).toFixed(1)}×`);
console.log(`CSV writer (Papa): ${ms(papaMs)}, ${mb(papaSize)} chars → xlsx/papa ${(xlsxMs / papaMs).toFixed(1)}×`);
if (process.env.XLSX_OUT) writeFileSync(process.env.XLSX_OUT, Buffer.concat(parts));

if (process.argv.includes('--chromium')) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: await bundleForPage('page/xlsx-speed-page.ts') });
    for (const run of [1, 2]) {
      // The first run also warms the JIT up; the export runs once per page.
      const r = await page.evaluate((rows) => (globalThis as any).__xlsxSpeed(rows), ROWS);
      console.log(
        `Chromium run ${run}: xlsx ${ms(r.xlsxMs)} (Blob included), ${mb(r.size)}, digest ${r.digest}; ` +
          `CSV join ${ms(r.joinMs)} → ${(r.xlsxMs / r.joinMs).toFixed(1)}×`,
      );
    }
  } finally {
    await browser.close();
  }
}
