/**
 * `npm run simulator -- --port N [--seed S] [--latency MS] [--rate R] [--dataset small] [--lang ru]`
 * Starts the simulated AlfaCRM, prints where it is and how to log in, and runs until killed.
 * `npm run simulator -- --crm altegio …` starts the simulated Altegio instead (altegio/cli.ts),
 * `--crm livetex …` the simulated LiveTex (livetex/cli.ts).
 */
import { runAltegioCli } from './altegio/cli';
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
        console.log('usage: simulator [--crm alfacrm] --port N [--seed S] [--latency MS] [--rate R] [--page-size N] [--dataset default|small] [--lang uk|ru]');
        console.log('       simulator --crm altegio --help');
        console.log('       simulator --crm livetex --help');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument: ${argv[i]}`);
    }
  }
  opts.knobs = knobs;
  return opts;
}

/** The CRM `--crm` names (`alfacrm` when absent); the flag is left for that CRM's own parser. */
function crmOf(argv: string[]): string {
  const i = argv.findIndex((a) => a === '--crm' || a.startsWith('--crm='));
  if (i < 0) return 'alfacrm';
  return argv[i].includes('=') ? argv[i].slice('--crm='.length) : (argv[i + 1] ?? '');
}

function stopOnSignals(close: () => Promise<void>): void {
  const stop = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const crm = crmOf(argv);
  if (crm === 'altegio') {
    const sim = await runAltegioCli(argv);
    if (sim) stopOnSignals(() => sim.close());
    return;
  }
  if (crm === 'livetex') {
    const sim = await runLivetexCli(argv);
    if (sim) stopOnSignals(() => sim.close());
    return;
  }
  if (crm !== 'alfacrm') throw new Error('--crm is alfacrm, altegio or livetex');
  const sim = await startSimulator(parseArgs(argv.filter((a, i) => !(a.startsWith('--crm') || argv[i - 1] === '--crm'))));
  const c = sim.credentials;
  console.log(`AlfaCRM simulator: ${sim.url}`);
  console.log(`UI login: ${c.uiLogin}`);
  console.log(`UI password: ${c.uiPassword}`);
  console.log(`API e-mail: ${c.apiEmail}`);
  console.log(`API key: ${c.apiKey}`);
  console.log(`Knobs: ${JSON.stringify(sim.knobs)} (POST ${sim.url}/__sim/knobs to change)`);
  stopOnSignals(() => sim.close());
}

main().catch((err: Error) => {
  console.error(`simulator: ${err.message}`);
  process.exit(2);
});
