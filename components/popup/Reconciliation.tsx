/**
 * The reconciliation, like with like: one line per kind of record the source counts, what the
 * CRM's page, its API and the store say. A line is marked only when the numbers it has differ.
 */
import type { ReconLine } from '@/utils/engine/run';
import { t } from '@/utils/i18n';

const cell = (n: number | null) => (n === null ? '—' : String(n));

export function mismatched(line: ReconLine): boolean {
  const known = [line.page, line.api, line.stored].filter((n): n is number => n !== null);
  return new Set(known).size > 1;
}

export function Reconciliation({ lines }: { lines: ReconLine[] }) {
  return (
    <table data-testid="reconciliation" class="recon">
      <thead>
        <tr>
          <th>{t('popup.reconWhat')}</th>
          <th>{t('popup.crmPage')}</th>
          <th>{t('popup.api')}</th>
          <th>{t('popup.stored')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => {
          const off = mismatched(l);
          return (
            <tr key={l.label} data-testid="recon-line" data-label={l.label} data-mismatch={off ? '1' : '0'} class={off ? 'mismatch' : ''}>
              <th scope="row">
                {t(l.label)}
                {off && <span class="flag"> ⚠ {t('popup.mismatch')}</span>}
              </th>
              <td data-testid="recon-page">{cell(l.page)}</td>
              <td data-testid="recon-api">{cell(l.api)}</td>
              <td data-testid="recon-stored">{cell(l.stored)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
