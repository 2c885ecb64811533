/** The benchmark's handle on a simulator running in its own process (bench/lib/sim-child.ts). */
import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import path from 'node:path';
import type { Credentials, Knobs, SimRecord, SimStats, SimulatorOptions } from '../../tests/simulator/server';

interface Reason {
  id: number;
  name: string;
  is_enabled: number;
  weight: number;
}

/** The simulator's ground truth at one moment. */
export class Truth {
  constructor(
    private readonly t: {
      branches: number[];
      records: SimRecord[];
      leadRejectReasons: Reason[];
      customerRejectReasons: Reason[];
      ids: Record<number, { active: number[]; archivedLeads: number[]; archivedCustomers: number[] }>;
      /** Entries of the change log (`log/index`) per branch. */
      logSizes: Record<number, number>;
    },
  ) {}
  changeLogSize(b: number): number {
    return this.t.logSizes[b] ?? 0;
  }
  records(): SimRecord[] {
    return this.t.records;
  }
  activeIds(b: number): number[] {
    return this.t.ids[b]?.active ?? [];
  }
  archivedLeadIds(b: number): number[] {
    return this.t.ids[b]?.archivedLeads ?? [];
  }
  archivedCustomerIds(b: number): number[] {
    return this.t.ids[b]?.archivedCustomers ?? [];
  }
  leadRejectReasons(): Reason[] {
    return this.t.leadRejectReasons;
  }
  customerRejectReasons(): Reason[] {
    return this.t.customerRejectReasons;
  }
}

export class RemoteSim {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly port: number,
    readonly credentials: Credentials,
    public knobs: Knobs,
  ) {
    child.on('message', (m: { id?: number; ok?: boolean; value?: unknown; error?: string }) => {
      const p = m.id === undefined ? undefined : this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id!);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error));
    });
  }

  static start(opts: SimulatorOptions): Promise<RemoteSim> {
    const child = fork(path.join(import.meta.dirname, 'sim-child.ts'), [JSON.stringify(opts)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // It stands in for a remote server: on a busy machine it should not wait for a CPU while
    // stamping requests for its rate limit. Raising the priority needs root; without it, as is.
    try {
      if (child.pid) setPriority(child.pid, -5);
    } catch {
      // not permitted
    }
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`simulator process exited (${code})`)));
      child.once('message', (m: { ready?: boolean; url: string; port: number; credentials: Credentials; knobs: Knobs }) => {
        if (m.ready) resolve(new RemoteSim(child, m.url, m.port, m.credentials, m.knobs));
      });
    });
  }

  private call<T>(op: string, ...args: unknown[]): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, op, args });
    });
  }

  async setKnobs(k: Partial<Knobs>): Promise<void> {
    this.knobs = await this.call<Knobs>('setKnobs', k);
  }
  resetStats(): Promise<void> {
    return this.call('resetStats');
  }
  stats(): Promise<SimStats> {
    return this.call('stats');
  }
  async truth(): Promise<Truth> {
    return new Truth(await this.call('truth'));
  }
  archiveLeads(branch: number, n: number): Promise<number[]> {
    return this.call('archiveLeads', branch, n);
  }
  restoreLead(id: number): Promise<void> {
    return this.call('restoreLead', id);
  }
  async close(): Promise<void> {
    this.child.removeAllListeners('exit');
    await Promise.race([this.call('close').catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
    if (this.child.exitCode === null) this.child.kill();
  }
}
