/**
 * `npm run demo`: the whole job on the simulated AlfaCRM — start it with the real case's data,
 * open Chromium with the extension, set the API key in the options, log in, open the archive
 * tab, click «Export archive», and say where the file is and what it holds.
 */
import path from 'node:path';
import { startSimulator } from '../tests/simulator/server';
import { ARCHIVE, clickExportArchive, configureApi, launchBrowser, loginToCrm } from '../tests/e2e/harness';
import { readCsv } from '../tests/e2e/csv-file';

const sim = await startSimulator();
console.log(`Simulated AlfaCRM at ${sim.url} (login ${sim.credentials.uiLogin} / ${sim.credentials.uiPassword})`);
const b = await launchBrowser({ downloadsDir: path.resolve('demo-output') });
try {
  console.log('Chromium started with the extension loaded.');
  const status = await configureApi(b, sim.url, sim.credentials.apiEmail, sim.credentials.apiKey);
  console.log(`Options saved: ${status}`);
  const page = await b.ctx.newPage();
  await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword);
  console.log('Logged in to the CRM; opening «Архів (відмови)».');
  await page.goto(sim.url + ARCHIVE);
  const started = Date.now();
  const res = await clickExportArchive(page, 15 * 60_000);
  if (!res.ok) throw new Error(`export failed: ${res.text}`);
  const file = path.join(b.downloadsDir, res.fileName);
  const csv = readCsv(file);
  const reasons = new Map<string, number>();
  for (const r of csv.rows) reasons.set(r.lead_reject_reason || '(none)', (reasons.get(r.lead_reject_reason || '(none)') ?? 0) + 1);
  const bySource = new Map<string, number>();
  for (const r of csv.rows) bySource.set(r.source, (bySource.get(r.source) ?? 0) + 1);
  console.log(`\nExported in ${((Date.now() - started) / 1000).toFixed(1)} s: ${file}`);
  console.log(`  ${csv.rows.length} archived leads of branch 1 (the CRM says ${sim.truth.archivedLeadIds(1).length}), ${csv.header.length} columns`);
  console.log(`  sources: ${[...bySource].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  with a reject reason: ${csv.rows.filter((r) => r.lead_reject_reason).length}`);
  console.log('  top reasons:');
  for (const [reason, n] of [...reasons].sort((a, c) => c[1] - a[1]).slice(0, 5)) console.log(`    ${String(n).padStart(5)}  ${reason}`);
} finally {
  await b.close();
  await sim.close();
}
