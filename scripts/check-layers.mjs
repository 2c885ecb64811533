#!/usr/bin/env node
// The engine names no CRM: outside utils/sources/, the code of the extension (entrypoints/,
// components/, utils/) must not use a CRM's own concepts. Exits 1 and lists the lines if it does.
import { execFileSync } from 'node:child_process';

const CONCEPTS = 'v2api|is_study|lead_reject|f_removed|branch_ids|crm-scroll-pager|getClientInfo|custom_fields|answer_text';
let out = '';
try {
  out = execFileSync('git', ['grep', '-nE', CONCEPTS, '--', 'entrypoints', 'components', 'utils', ':!utils/sources'], { encoding: 'utf8' });
} catch (e) {
  if (e.status !== 1) throw e; // 1: nothing found
}
if (out.trim()) {
  console.error(`CRM concepts outside utils/sources/:\n${out}`);
  process.exit(1);
}
console.log('layers: no CRM concepts outside utils/sources/');
