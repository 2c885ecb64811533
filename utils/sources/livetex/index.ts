/**
 * LiveTex as a source of the engine (utils/engine/source.ts): the one place the background
 * learns what LiveTex is. Its pages and tab part are in pages.ts and tab.ts.
 */
import type { Task } from '../../engine/run';
import type { SourceEngine } from '../../engine/source';
import type { PhaseKey } from '../../i18n';
import { livetexApi } from './api';
import type { LivetexClient } from './api-client';
import { commitApiPage, finishApiTask } from './commits';
import { counts, hiddenByRoles } from './counts';
import { derive } from './derive';
import { fileName, layout } from './file';
import { livetexPages } from './pages';
import { exportTasks, plan, PULLS, STEPS } from './plan';
import { step } from './steps';

/** Each task's phase, as the popup and the button say it (locales/*.yml). */
const PHASES: Record<string, PhaseKey> = {
  [STEPS.identities]: 'phase.livetexIdentities',
  [PULLS.cabinet]: 'phase.livetexCabinetPull',
  [PULLS.account]: 'phase.livetexSavedPull',
  file: 'phase.writingFile',
};

export const livetex: SourceEngine<LivetexClient> = {
  id: 'livetex',
  pages: livetexPages,
  api: livetexApi,
  accountOf: (origin) => origin,
  defaultPartition: '',
  plan,
  exportTasks,
  step,
  commitApiPage,
  finishApiTask,
  // No tab reads: the cabinet tab lends its session only.
  needsTab: async () => false,
  unitPlan: async () => ({ skip: {} }),
  commitTabUnit: async () => undefined,
  finishTab: async () => undefined,
  derive,
  async complete(ctx) {
    return { memo: { ...ctx.job.memo, hiddenByRoles: await hiddenByRoles(ctx.db, ctx.job.account) } };
  },
  layout,
  fileName,
  counts,
  phase: (task: Task) => PHASES[task.name] ?? 'phase.working',
};
