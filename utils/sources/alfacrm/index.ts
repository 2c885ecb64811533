/**
 * AlfaCRM as a source of the engine (utils/engine/source.ts): the one place the background
 * learns what AlfaCRM is. Its pages and tab readers are in pages.ts and tab.ts.
 */
import type { Task } from '../../engine/run';
import type { SourceEngine } from '../../engine/source';
import { countTally } from '../../engine/store';
import { alfacrmApi } from './api';
import type { AlfaApiClient } from './api-client';
import { commitApiPage, commitTabUnit, finishApiTask, finishTab, needsTab, skipUnits } from './commits';
import { derive, TALLY } from './derive';
import { fileName, layout } from './file';
import { alfacrmPages } from './pages';
import { DICT_STEP, exportTasks, PASSES, plan, STEPS } from './plan';
import { reconcileJob } from './reconcile';
import { step } from './steps';
import { TAB_READS } from './tab';

/** Phase names as the popup and the button show them (translated by the pages). */
const PHASES: Record<string, string> = {
  [STEPS.archiveCount]: 'API archive count',
  [PASSES.active]: 'API active records',
  [PASSES.archived]: 'API archived records',
  [PASSES.changed]: 'API changes',
  [PASSES.changedArchived]: 'API changes',
  [PASSES.leftActive]: 'API archive check',
  [PASSES.leftElsewhere]: 'API archive check',
  [TAB_READS.board]: 'archive board',
  [TAB_READS.grid]: 'reading the archive',
  file: 'writing the file',
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
  skipUnits,
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
      { label: 'Active', value: active, testId: 'count-active' },
      { label: 'Archived', value: archived + withReason, testId: 'count-archived' },
      { label: 'Archived with reason', value: withReason, testId: 'count-with-reason' },
    ];
  },
  phase: (task: Task) => (task.name.startsWith(DICT_STEP) ? 'API dictionaries' : (PHASES[task.name] ?? task.name)),
};
