/**
 * The export button with its progress and error lines, mounted in the CRM page's open shadow
 * root. The page's own script can see and click it: only a person's (trusted) click counts,
 * and nothing is shown here that the page must not read.
 */
import { useState } from 'preact/hooks';
import type { ExportResult } from '@/utils/engine/run';
import { isCrmError, toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { errorText, t, type ButtonKey } from '@/utils/i18n';
import { call } from '@/utils/messages/send';
import type { ExportUiState } from '@/utils/tab/export-click';

export interface ExportPanelProps {
  testId: string;
  label: ButtonKey;
  run: (onState: (s: ExportUiState) => void) => Promise<ExportResult>;
  diagnostics: (shape: unknown) => void;
  /** Told when an export has written its file. */
  onDone?: () => void;
}

type View =
  { kind: 'idle' } | { kind: 'running'; state: ExportUiState } | { kind: 'done'; result: ExportResult } | { kind: 'failed'; error: ErrorInfo; shape?: unknown };

export function ExportPanel({ testId, label, run, diagnostics, onDone }: ExportPanelProps) {
  const [view, setView] = useState<View>({ kind: 'idle' });
  const busy = view.kind === 'running';

  const start = async () => {
    setView({ kind: 'running', state: { phase: 'phase.starting', done: 0, total: 0 } });
    try {
      const result = await run((state) => setView({ kind: 'running', state }));
      setView({ kind: 'done', result });
      onDone?.();
    } catch (e) {
      setView({ kind: 'failed', error: toErrorInfo(e), shape: isCrmError(e) ? e.diagnostics : undefined });
    }
  };

  return (
    <div class="cae-panel">
      <button data-testid={testId} class="cae-button" disabled={busy} onClick={(e) => e.isTrusted && void start()}>
        {t(label)}
      </button>
      {view.kind === 'running' && (
        <span data-testid="export-progress" class="cae-progress">
          {t(view.state.phase)}
          {view.state.total > 0 ? `: ${view.state.done} / ${view.state.total}` : '…'}
        </span>
      )}
      {view.kind === 'done' && (
        <span data-testid="export-done" class="cae-done">
          {t('export.saved', [view.result.fileName, view.result.rows])}
          {view.result.note ? ` — ${t(view.result.note)}` : ''}
          {view.result.unconfigured && (
            <button data-testid="add-account" class="cae-link" onClick={(e) => e.isTrusted && void call('addAccount').catch(() => undefined)}>
              {t('export.addAccount')}
            </button>
          )}
        </span>
      )}
      {view.kind === 'failed' && (
        <span data-testid="export-error" class="cae-error" role="alert">
          {errorText(view.error)}
          {view.shape !== undefined && (
            <button data-testid="export-diagnostics" class="cae-link" onClick={() => diagnostics(view.shape)}>
              {t('export.downloadDiagnostics')}
            </button>
          )}
        </span>
      )}
    </div>
  );
}
