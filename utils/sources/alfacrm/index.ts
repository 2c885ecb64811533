/**
 * AlfaCRM as a source of the engine (utils/engine/source.ts): the one place the background
 * learns what AlfaCRM is. Its pages and tab readers are in pages.ts and tab.ts.
 */
import type { Task } from '../../engine/run';
import type { SourceEngine } from '../../engine/source';
import type { PhaseKey } from '../../i18n/keys';
import { countTally } from '../../engine/store';
import { alfacrmApi } from './api';
import type { AlfaApiClient } from './api-client';
import { LOG_PASS } from './change-log-read';
import { commitApiPage, commitTabUnit, finishApiTask, finishTab, needsTab, unitPlan } from './commits';
import { derive, TALLY } from './derive';
import { fileName, layout } from './file';
import { insightData } from './insights';
import { alfacrmPages } from './pages';
import { DICT_STEP, exportTasks, PASSES, plan, STEPS } from './plan';
import { reconcileJob } from './reconcile';
import { step } from './steps';
import { TAB_READS } from './tab';

/** Phase names (message keys) as the popup and the button show them. */
const PHASES: Record<string, PhaseKey> = {
  [STEPS.archiveCount]: 'phase.apiArchiveCount',
  [LOG_PASS]: 'phase.apiChangeLog',
  [PASSES.active]: 'phase.apiActive',
  [PASSES.archived]: 'phase.apiArchived',
  [PASSES.changed]: 'phase.apiChanges',
  [PASSES.changedArchived]: 'phase.apiChanges',
  [PASSES.leftActive]: 'phase.apiArchiveCheck',
  [PASSES.leftElsewhere]: 'phase.apiArchiveCheck',
  [TAB_READS.board]: 'phase.archiveBoard',
  [TAB_READS.grid]: 'phase.readingArchive',
  file: 'phase.writingFile',
};

export const alfacrm: SourceEngine<AlfaApiClient> = {
  id: 'alfacrm',
  pages: alfacrmPages,
  api: alfacrmApi,
  accountOf: (origin) => origin,
  // Branch 1 until a page of another branch is seen.
  defaultPartition: '1',
  plan,
  exportTasks,
  step,
  commitApiPage,
  finishApiTask,
  needsTab,
  unitPlan,
  commitTabUnit,
  finishTab,
  derive,
  async complete(ctx) {
    return { memo: ctx.job.memo, reconciled: await reconcileJob(ctx.db, ctx.job) };
  },
  layout,
  fileName,
  async counts(db, job) {
    const [active, archived, withReason] = await Promise.all(
      [TALLY.active, TALLY.archived, TALLY.archivedWithReason].map((t) => countTally(db, 'alfacrm', job.account, t)),
    );
    return [
      { label: 'count.active', value: active, testId: 'count-active' },
      { label: 'count.archived', value: archived + withReason, testId: 'count-archived' },
      { label: 'count.archivedWithReason', value: withReason, testId: 'count-with-reason' },
    ];
  },
  phase: (task: Task) => (task.name.startsWith(DICT_STEP) ? 'phase.apiDictionaries' : (PHASES[task.name] ?? 'phase.working')),
  insights: insightData,
};
