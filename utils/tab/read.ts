/**
 * The CRM tab's side of the tab-read protocol: when the background asks, read a task through
 * this tab's session with the source's reader and report unit by unit.
 */
import type { TabReadRequest } from '../engine/source';
import { toErrorInfo } from '../errors';
import { call } from '../messages/send';
import { pageHere } from '../sources/pages';
import { tabPartOf } from '../sources/tab';
import { deliver } from './deliver';

const reading = new Set<string>();

async function read(req: TabReadRequest): Promise<void> {
  const ref = { jobKey: req.jobKey, runId: req.runId, task: req.task };
  try {
    const page = pageHere(location.href);
    const reader = page ? tabPartOf(page.source)?.readers[req.task] : undefined;
    if (!reader) throw new Error(`this page cannot read «${req.task}»`);
    const result = await reader.read(req, {
      unit: (unit) => deliver(() => call('tabUnit', { ...ref, unit })).then(() => undefined),
      progress: () => undefined,
      pace: (report) => call('tabPace', report),
    });
    await deliver(() => call('tabDone', { ...ref, result }));
  } catch (e) {
    await call('tabFailed', { ...ref, error: toErrorInfo(e) }).catch(() => undefined);
  }
}

/** Starts a read unless the same task of the same run is already being read here. */
export function startRead(req: TabReadRequest): 'started' | 'busy' {
  const key = `${req.runId}|${req.task}`;
  if (reading.has(key)) return 'busy';
  reading.add(key);
  void read(req).finally(() => reading.delete(key));
  return 'started';
}
