/** The status → funnel stage map: a guess from the status names, each one changeable. */
import { t } from '@/utils/i18n';
import type { PreparedView } from '@/utils/insights/prepare-view';
import { STAGES, type Stage } from '@/utils/insights/types';
import { STAGE_LABEL } from './labels';

export function StageMapEditor({ view, onStage }: { view: PreparedView; onStage: (statusId: number, stage: Stage) => void }) {
  return (
    <details class="stage-map">
      <summary>{t('insights.stageMap')}</summary>
      <table class="grid">
        <tbody>
          {view.prep.data.dicts.statuses.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>
                <select value={view.stageOf.get(s.id) ?? 'none'} onChange={(e) => onStage(s.id, e.currentTarget.value as Stage)}>
                  {STAGES.map((st) => (
                    <option key={st} value={st}>
                      {t(STAGE_LABEL[st])}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
