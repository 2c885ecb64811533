/**
 * An MV3 service worker stops after ~30 s without extension events. While a job runs, a cheap
 * extension API call every 20 s keeps it up; the job's checkpoints cover the cases it cannot.
 */
let holders = 0;
let timer: ReturnType<typeof setInterval> | undefined;

export async function keepAliveWhile<T>(work: () => Promise<T>): Promise<T> {
  holders++;
  timer ??= setInterval(() => void browser.runtime.getPlatformInfo(), 20_000);
  try {
    return await work();
  } finally {
    if (--holders === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  }
}
