/**
 * `npm run simulator -- --port N [--seed S] [--latency MS] [--rate R] [--dataset small] [--lang ru]`
 * Starts the simulated AlfaCRM, prints where it is and how to log in, and runs until killed.
 * `npm run simulator -- --crm livetex [...]`: the simulated LiveTex instead (livetex/cli.ts).
 */
import { runLivetexCli } from './livetex/cli';
import { startSimulator } from './server';
import type { Knobs, SimulatorOptions } from './types';

function parseArgs(argv: string[]): SimulatorOptions {
  const opts: SimulatorOptions = {};
  const knobs: Partial<Knobs> = {};
  const num = (flag: string, v: string | undefined) => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n)) throw new Error(`${flag} needs a number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--port':
        opts.port = num(flag, value());
        break;
      case '--seed':
        opts.seed = num(flag, value());
        break;
      case '--latency':
        knobs.latencyMs = num(flag, value());
        break;
      case '--rate':
        knobs.apiRateLimit = num(flag, value());
        break;
      case '--page-size':
        knobs.uiPageSize = num(flag, value());
        break;
      case '--dataset': {
        const d = value();
        if (d !== 'default' && d !== 'small') throw new Error('--dataset is default or small');
        opts.dataset = d;
        break;
      }
      case '--lang': {
        const l = value();
        if (l !== 'uk' && l !== 'ru') throw new Error('--lang is uk or ru');
        opts.uiLang = l;
        break;
      }
      case '--help':
        console.log('usage: simulator --port N [--seed S] [--latency MS] [--rate R] [--page-size N] [--dataset default|small] [--lang uk|ru]');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument: ${argv[i]}`);
    }
  }
  opts.knobs = knobs;
  return opts;
}

/** The value of `--crm` (`--crm x` or `--crm=x`); AlfaCRM when absent. */
function crmOf(argv: string[]): string {
  const i = argv.findIndex((a) => a === '--crm' || a.startsWith('--crm='));
  if (i < 0) return 'alfacrm';
  return argv[i].includes('=') ? argv[i].split('=', 2)[1] : (argv[i + 1] ?? '');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (crmOf(argv) === 'livetex') {
    const lt = await runLivetexCli(argv);
    if (!lt) return;
    const stopLivetex = () =>
      void lt.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    process.on('SIGINT', stopLivetex);
    process.on('SIGTERM', stopLivetex);
    return;
  }
  const sim = await startSimulator(parseArgs(argv));
  const c = sim.credentials;
  console.log(`AlfaCRM simulator: ${sim.url}`);
  console.log(`UI login: ${c.uiLogin}`);
  console.log(`UI password: ${c.uiPassword}`);
  console.log(`API e-mail: ${c.apiEmail}`);
  console.log(`API key: ${c.apiKey}`);
  console.log(`Knobs: ${JSON.stringify(sim.knobs)} (POST ${sim.url}/__sim/knobs to change)`);
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(`simulator: ${err.message}`);
  process.exit(2);
});
