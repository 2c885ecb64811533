/**
 * The export button's work in the CRM tab: ask the background to export this page (a run of
 * the engine, which reads through this tab), then follow it until the file is saved or fails.
 */
import type { ExportResult } from '../engine/run';
import { fromErrorInfo } from '../errors';
import type { PhaseKey } from '../i18n/keys';
import { call } from '../messages/send';
import { deliver } from './deliver';

export interface ExportUiState {
  phase: PhaseKey;
  done: number;
  total: number;
}

const POLL_MS = 250;

export async function runExport(onState: (s: ExportUiState) => void): Promise<ExportResult> {
  const ref = await call('exportStart');
  for (;;) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    const view = await deliver(() => call('exportStatus', ref));
    if (view.state === 'done') return view.result!;
    if (view.state === 'failed') throw fromErrorInfo(view.error!);
    onState({ phase: view.phase ?? 'phase.working', done: view.done, total: view.total });
  }
}
