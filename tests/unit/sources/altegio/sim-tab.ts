/**
 * The CRM tab's reader run in node against the simulated Altegio: a signed-in "tab" (its page,
 * cookie and page token), the source's commits into a fake-indexeddb store as the background
 * would make them, and the file the store gives. Everything but the browser's plumbing.
 */
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { JSDOM } from 'jsdom';
import { buildFile } from '@/utils/engine/file';
import { newJob, startRun, tabTask, type Job } from '@/utils/engine/run';
import type { RunMode, TabReadRequest, TabReadResult } from '@/utils/engine/source';
import { ExportDb } from '@/utils/engine/store';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/schema';
import { altegio } from '@/utils/sources/altegio';
import { accountFor } from '@/utils/sources/altegio/pages';
import { Pacer } from '@/utils/sources/altegio/pacer';
import { readClients } from '@/utils/sources/altegio/reader';
import type { AltegioSimulator, UserKey } from '../../../simulator/altegio/server';
import { WebClient as SimBrowser } from '../../../simulator/altegio/test-helpers';

/** A pace that never holds a test back (the real one is pacer.test.ts's). */
const FAST = new Pacer({ perWindow: 1e6, windowMs: 1, perMinute: 1e9, minuteMs: 1, leaseMs: 1, maxRefusals: 5, firstBackoffMs: 1, maxBackoffMs: 1 });

export class SimTab {
  readonly browser: SimBrowser;
  readonly db = new ExportDb(`altegio-${Math.random()}`);
  readonly account: string;
  job: Job;

  constructor(readonly sim: AltegioSimulator) {
    this.browser = new SimBrowser(sim.webUrl);
    this.account = accountFor(sim.webUrl, sim.cid);
    this.job = newJob('altegio', this.account, '');
  }

  async signIn(user: UserKey = 'owner'): Promise<void> {
    this.browser.cookies.clear();
    await this.browser.signin(this.sim, user);
  }

  /** fetch as the tab's page would: its cookie, redirects followed, `url` where it ended. */
  private fetch: typeof fetch = async (input, init) => {
    let url = String(input);
    for (let hops = 0; hops < 10; hops++) {
      const headers = { ...(init?.headers as Record<string, string>), Cookie: [...this.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
      const res = await fetch(url, { ...init, headers, redirect: 'manual' });
      if (res.status < 300 || res.status >= 400) {
        const copy = new Response(await res.arrayBuffer(), { status: res.status, headers: res.headers });
        Object.defineProperty(copy, 'url', { value: url });
        return copy;
      }
      url = new URL(res.headers.get('location')!, url).href;
      init = { headers: init?.headers };
    }
    throw new Error('too many redirects');
  };

  /** Starts a run of `mode` (the export's, unless told), as the engine would. */
  startRun(mode: RunMode = 'export'): void {
    this.job = startRun(this.job, mode, [tabTask('clients', false)], new Date().toISOString(), true);
  }

  /** One tab read of the run, its units committed as the background commits them. */
  async read(params: Record<string, string> = {}): Promise<TabReadResult> {
    const page = await this.browser.get(`/clients/${this.sim.cid}/base/`);
    const doc = new JSDOM(page.text).window.document;
    const ctx = { db: this.db, job: this.job, client: null };
    const { skip } = await altegio.unitPlan(ctx, 'clients');
    const req: TabReadRequest = { jobKey: this.job.key, runId: this.job.run!.id, task: 'clients', partition: '', skip, params };
    const env = { href: this.sim.webUrl + page.url, doc, parse: (html: string) => new JSDOM(html).window.document, fetch: this.fetch };
    const io = {
      unit: (u: Parameters<typeof altegio.commitTabUnit>[3]) => altegio.commitTabUnit(ctx, 'clients', '', u),
      progress: () => undefined,
      pace: async (r: Parameters<Pacer['turn']>[1]) => FAST.turn('tab', r),
    };
    const result = await readClients(req, io, env);
    await altegio.finishTab(ctx, 'clients', result);
    return result;
  }

  /** The run completed: what the engine keeps for the next one. */
  complete(): void {
    this.job = { ...this.job, lastSuccessStartedAt: this.job.run!.id, memo: this.job.memo };
  }

  async file(settings: Partial<Settings> = {}): Promise<{ header: string[]; rows: Record<string, string>[] }> {
    const target = { source: 'altegio' as const, account: this.account, partition: '', scope: 'clients' };
    const { text } = await buildFile(this.db, target, { ...DEFAULT_SETTINGS, delimiter: ',', escapeFormulae: false, ...settings }, 'en-US');
    const [header, ...data] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    return { header, rows: data.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]]))) };
  }
}
