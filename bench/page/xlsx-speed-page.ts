/**
 * The .xlsx speed check inside a Chromium page (bundled by bench/lib/bundle.ts), where the export
 * really runs: `globalThis.__xlsxSpeed(rows)` writes the bench rows and returns the timings, the
 * size and a digest of the file (equal to Node's: the writer is pure).
 */
import { createXlsxWriter } from '../../utils/files/xlsx';
import { chunkedRows, columns, digest, FIXED_DATE } from '../lib/xlsx-rows';

(globalThis as { __xlsxSpeed?: unknown }).__xlsxSpeed = (rows: number) => {
  const cols = columns();
  const chunks = chunkedRows(cols, rows, 2000);
  let started = performance.now();
  let joined = 0;
  for (const chunk of chunks) joined += chunk.map((r) => r.join(';')).join('\r\n').length;
  const joinMs = performance.now() - started;
  started = performance.now();
  const writer = createXlsxWriter(cols, { sheetName: 'Leads', modified: FIXED_DATE });
  const parts = chunks.flatMap((chunk) => writer.addRows(chunk));
  parts.push(...writer.finish());
  const blob = new Blob(parts, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const xlsxMs = performance.now() - started;
  return { xlsxMs, joinMs, joined, size: blob.size, digest: digest(parts) };
};
