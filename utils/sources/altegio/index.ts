/**
 * Altegio (YCLIENTS) as a source of the engine (utils/engine/source.ts): the one place the
 * background learns what Altegio is. Its pages and tab reader are in pages.ts and tab.ts;
 * shared/altegio-contract.md is what it reads.
 */
import type { Task } from '../../engine/run';
import type { SourceEngine } from '../../engine/source';
import type { PhaseKey } from '../../i18n/keys';
import { countTally } from '../../engine/store';
import { altegioApi } from './api';
import type { AltegioApiClient } from './api-client';
import { commitApiPage, commitTabUnit, finishApiTask, finishTab, tabParams, unitPlan } from './commits';
import { derive, TALLY } from './derive';
import { fileName, layout } from './file';
import { fieldFill } from './fill';
import { pace } from './pace';
import { altegioPages } from './pages';
import { exportTasks, PASSES, plan, STEPS } from './plan';
import { PHASES } from './reader';
import { step } from './steps';

const API_PHASES: Record<string, PhaseKey> = {
  [STEPS.defs]: 'phase.apiCustomFields',
  [PASSES.ids]: 'phase.apiClientIds',
  [PASSES.list]: 'phase.apiClients',
  file: 'phase.writingFile',
};

export const altegio: SourceEngine<AltegioApiClient> = {
  id: 'altegio',
  pages: altegioPages,
  api: altegioApi,
  // A web address alone does not name a location: jobs come from the pages seen.
  accountOf: () => null,
  defaultPartition: '',
  plan,
  exportTasks,
  step,
  commitApiPage,
  finishApiTask,
  needsTab: async () => true,
  unitPlan,
  tabParams,
  commitTabUnit,
  finishTab,
  derive,
  async complete(ctx) {
    return { memo: ctx.job.memo };
  },
  layout,
  fileName,
  async counts(db, job) {
    const [clear, masked, removed] = await Promise.all([TALLY.clear, TALLY.masked, TALLY.removed].map((t) => countTally(db, 'altegio', job.account, t)));
    return [
      { label: 'count.clients', value: clear + masked, testId: 'count-clients' },
      { label: 'count.masked', value: masked, testId: 'count-masked' },
      { label: 'count.removed', value: removed, testId: 'count-removed' },
    ];
  },
  pace,
  fieldFill,
  phase: (task: Task) => (task.kind === 'tab' ? (task.progress?.phase ?? PHASES.defs) : (API_PHASES[task.name] ?? 'phase.working')),
};
