/**
 * Runs the peer script (bench/sequential-client.ts) in a process of its own, so the benchmark
 * process's own pauses (Playwright, large IPC messages, garbage collection) cannot hold one of
 * its requests back and send it right on the heels of the next.
 */
import { sequentialSync } from '../sequential-client';

const opts = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof sequentialSync>[0];
sequentialSync(opts).then(
  (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
  (e: unknown) => process.send?.({ ok: false, error: (e as Error).message }, () => process.exit(1)),
);
