/**
 * Peak memory while something runs, sampled from outside the browser so a busy renderer cannot
 * hide its peak: every `intervalMs`, /proc/<pid>/smaps_rollup of the extension's renderer
 * processes (Chromium starts them with --extension-process; the PIDs come from CDP
 * SystemInfo.getProcessInfo of this browser only) and of the browser process (which holds Blob
 * data and downloads). Alongside, the JS heap of the extension's service worker and offscreen
 * document (CDP Runtime.getHeapUsage; answered by the target's own thread, so a long task can
 * delay a sample; the /proc numbers are the ones judged).
 */
import { browserProcesses, processMemory, type BenchBrowser, type ProcInfo } from './browser';
import { attachTarget, findTargets, type TargetSession } from './cdp-target';

export interface MemoryPeak {
  /** Sum over the extension's renderer processes, at the sample where it was highest. */
  extensionRss: number;
  extensionPss: number;
  extensionPrivate: number;
  /** Same sums just before sampling started. */
  extensionRssBefore: number;
  browserProcessRss: number;
  browserProcessRssBefore: number;
  /** Highest JS heap in use seen in the service worker / the offscreen document (bytes, null = not seen). */
  jsHeapServiceWorker: number | null;
  jsHeapOffscreen: number | null;
  extensionProcesses: number;
  samples: number;
}

export class MemorySampler {
  private procs: ProcInfo[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private heapTimer: ReturnType<typeof setInterval> | undefined;
  private readonly sessions = new Map<string, TargetSession>();
  private readonly heapBusy = new Set<string>();
  private peak: MemoryPeak = {
    extensionRss: 0,
    extensionPss: 0,
    extensionPrivate: 0,
    extensionRssBefore: 0,
    browserProcessRss: 0,
    browserProcessRssBefore: 0,
    jsHeapServiceWorker: null,
    jsHeapOffscreen: null,
    extensionProcesses: 0,
    samples: 0,
  };

  constructor(
    private readonly b: BenchBrowser,
    private readonly intervalMs = 40,
  ) {}

  async start(): Promise<void> {
    await this.refreshProcesses();
    const before = this.sample();
    this.peak.extensionRssBefore = before.ext.rss;
    this.peak.browserProcessRssBefore = before.browser;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.heapTimer = setInterval(() => void this.heapTick(), 100);
    await this.heapTick();
  }

  async stop(): Promise<MemoryPeak> {
    clearInterval(this.timer);
    clearInterval(this.heapTimer);
    this.tick();
    for (const s of this.sessions.values()) await s.detach();
    this.sessions.clear();
    return { ...this.peak };
  }

  private ticks = 0;
  private tick(): void {
    if (++this.ticks % 25 === 0) void this.refreshProcesses();
    const s = this.sample();
    const p = this.peak;
    p.samples++;
    if (s.ext.rss > p.extensionRss) p.extensionRss = s.ext.rss;
    if (s.ext.pss > p.extensionPss) p.extensionPss = s.ext.pss;
    if (s.ext.priv > p.extensionPrivate) p.extensionPrivate = s.ext.priv;
    if (s.browser > p.browserProcessRss) p.browserProcessRss = s.browser;
  }

  private sample(): { ext: { rss: number; pss: number; priv: number }; browser: number } {
    const ext = { rss: 0, pss: 0, priv: 0 };
    let browser = 0;
    for (const proc of this.procs) {
      if (proc.type === 'browser') browser = processMemory(proc.pid).rss;
      if (!proc.extension) continue;
      const m = processMemory(proc.pid);
      ext.rss += m.rss;
      ext.pss += m.pss;
      ext.priv += m.priv;
    }
    return { ext, browser };
  }

  private async refreshProcesses(): Promise<void> {
    try {
      this.procs = await browserProcesses(this.b);
      this.peak.extensionProcesses = Math.max(this.peak.extensionProcesses, this.procs.filter((p) => p.extension).length);
    } catch {
      // the browser is closing
    }
  }

  private async heapTick(): Promise<void> {
    const id = this.b.extensionId;
    if (!id) return;
    let targets: { targetId: string; type: string; url: string }[] = [];
    try {
      targets = await findTargets(
        this.b.cdp,
        (t) => t.url.startsWith(`chrome-extension://${id}/`) && (t.type === 'service_worker' || t.url.includes('offscreen.html')),
      );
    } catch {
      return;
    }
    for (const t of targets) {
      if (this.heapBusy.has(t.targetId)) continue;
      this.heapBusy.add(t.targetId);
      void (async () => {
        try {
          let s = this.sessions.get(t.targetId);
          if (!s) {
            s = await attachTarget(this.b.cdp, t);
            this.sessions.set(t.targetId, s);
          }
          const { usedSize } = await s.send<{ usedSize: number }>('Runtime.getHeapUsage');
          if (t.type === 'service_worker') this.peak.jsHeapServiceWorker = Math.max(this.peak.jsHeapServiceWorker ?? 0, usedSize);
          else this.peak.jsHeapOffscreen = Math.max(this.peak.jsHeapOffscreen ?? 0, usedSize);
        } catch {
          // target gone or detached
        } finally {
          this.heapBusy.delete(t.targetId);
        }
      })();
    }
  }
}
