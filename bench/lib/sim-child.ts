/**
 * One simulated AlfaCRM in a process of its own (forked by bench/lib/remote-sim.ts), so that
 * nothing the benchmark process does (Playwright, the peer script, garbage collection) can delay
 * the simulator while it stamps requests for its rate limit.
 */
import { startSimulator, type SimulatorOptions } from '../../tests/simulator/server';

type Request = { id: number; op: string; args: unknown[] };

const opts = JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions;
const sim = await startSimulator(opts);
const send = (m: unknown) => process.send?.(m);

function truth() {
  const t = sim.truth;
  const ids: Record<number, { active: number[]; archivedLeads: number[]; archivedCustomers: number[] }> = {};
  const logSizes: Record<number, number> = {};
  for (const b of t.branches) {
    ids[b] = { active: t.activeIds(b), archivedLeads: t.archivedLeadIds(b), archivedCustomers: t.archivedCustomerIds(b) };
    logSizes[b] = t.changeLog(b).length;
  }
  return {
    branches: t.branches,
    records: t.records(),
    leadRejectReasons: t.leadRejectReasons(),
    customerRejectReasons: t.customerRejectReasons(),
    ids,
    logSizes,
  };
}

process.on('message', (m: Request) => {
  void (async () => {
    try {
      let value: unknown;
      switch (m.op) {
        case 'setKnobs':
          sim.setKnobs(m.args[0] as never);
          value = { ...sim.knobs };
          break;
        case 'resetStats':
          sim.resetStats();
          break;
        case 'stats':
          value = sim.stats();
          break;
        case 'truth':
          value = truth();
          break;
        case 'archiveLeads':
          value = sim.mutate.archiveLeads(m.args[0] as number, m.args[1] as number);
          break;
        case 'restoreLead':
          sim.mutate.restoreLead(m.args[0] as number);
          break;
        case 'close':
          await sim.close();
          process.send?.({ id: m.id, ok: true }, () => process.exit(0));
          return;
        default:
          throw new Error(`unknown op ${m.op}`);
      }
      send({ id: m.id, ok: true, value });
    } catch (e) {
      send({ id: m.id, ok: false, error: (e as Error).message });
    }
  })();
});
process.on('disconnect', () => process.exit(0));

void sim.truth; // build the data now, not on the first request
send({ ready: true, url: sim.url, port: sim.port, credentials: sim.credentials, knobs: { ...sim.knobs } });
