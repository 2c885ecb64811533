/**
 * `runLivetexCli(['--port', 'N', '--seed', 'S', '--latency', 'MS', '--role-mode', 'implementation',
 * '--hidden-form', 'null', '--dataset', 'small'])`: starts the simulated LiveTex, prints where it
 * is and how each employee signs in. Knobs may also come from the environment as
 * LIVETEX_KNOBS='{"rateLimitPerSecond":0}'. The simulator runs until closed (or killed).
 */
import { startLivetexSimulator } from './server';
import type { DatasetName, LivetexOptions, LivetexSimulator } from './types';

export const LIVETEX_USAGE =
  'usage: simulator --crm livetex [--port N] [--seed S] [--latency MS] ' +
  '[--role-mode documented|implementation] [--hidden-form absent|null] [--dataset default|small]';

export function parseLivetexArgs(argv: string[], env: Record<string, string | undefined> = process.env): LivetexOptions {
  const opts: LivetexOptions = {};
  const knobs: Record<string, unknown> = env.LIVETEX_KNOBS ? (JSON.parse(env.LIVETEX_KNOBS) as Record<string, unknown>) : {};
  const num = (flag: string, v: string | undefined) => {
    const n = Number(v);
    if (v === undefined || v === '' || !Number.isFinite(n)) throw new Error(`${flag} needs a number`);
    return n;
  };
  const oneOf = <T extends string>(flag: string, v: string | undefined, values: readonly T[]): T => {
    if (!values.includes(v as T)) throw new Error(`${flag} is ${values.join(' or ')}`);
    return v as T;
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
      case '--role-mode':
        knobs.roleMode = oneOf(flag, value(), ['documented', 'implementation']);
        break;
      case '--hidden-form':
        knobs.hiddenForm = oneOf(flag, value(), ['absent', 'null']);
        break;
      case '--dataset':
        opts.dataset = oneOf<DatasetName>(flag, value(), ['default', 'small']);
        break;
      // The shared `npm run simulator` entry may pass its own selector through.
      case '--crm':
        value();
        break;
      default:
        throw new Error(`unknown argument: ${argv[i]}\n${LIVETEX_USAGE}`);
    }
  }
  opts.knobs = knobs;
  return opts;
}

/**
 * Starts the simulator, prints its addresses and every employee's sign-in, and returns it
 * (close() stops it); with --help prints the usage and returns null.
 */
export async function runLivetexCli(args: string[], log: (line: string) => void = console.log): Promise<LivetexSimulator | null> {
  if (args.includes('--help')) {
    log(LIVETEX_USAGE);
    return null;
  }
  const sim = await startLivetexSimulator(parseLivetexArgs(args));
  log(`LiveTex simulator: cabinet ${sim.cabinetUrl}/login`);
  log(`Web API: ${sim.apiUrl}`);
  for (const e of Object.values(sim.employees)) {
    const state = e.isDeleted ? ' (deleted: cannot sign in)' : e.isActive ? '' : ' (blocked: cannot sign in)';
    log(`  ${e.role.padEnd(13)} ${e.key.padEnd(15)} ${e.email}  password: ${e.password}${state}`);
  }
  log(`Knobs: ${JSON.stringify(sim.knobs)} (POST ${sim.apiUrl}/__sim/knobs to change)`);
  return sim;
}
