/**
 * `npm run simulator -- --crm altegio [--port N] [--seed S] [--latency MS] [--rate R] [--rate-minute M]
 * [--dataset default|small] [--knobs JSON]`: starts the simulated Altegio and prints where it is and
 * how to sign in. Knobs may also come from the ALTEGIO_SIM_KNOBS environment variable (JSON).
 */
import { startAltegioSimulator } from './server';
import { validateKnobs } from './knobs';
import type { AltegioKnobs, AltegioSimulator, AltegioSimulatorOptions } from './types';

export const ALTEGIO_USAGE =
  'usage: simulator --crm altegio [--port N] [--seed S] [--latency MS] [--rate R] [--rate-minute M] [--dataset default|small] [--knobs JSON]';

function parseKnobsJson(text: string, where: string): Partial<AltegioKnobs> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new Error(`${where} is not JSON`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${where} must be a JSON object`);
  return validateKnobs(v as Record<string, unknown>);
}

export function parseAltegioArgs(args: string[], env: Record<string, string | undefined> = process.env): AltegioSimulatorOptions | 'help' {
  const opts: AltegioSimulatorOptions = {};
  const knobs: Partial<AltegioKnobs> = env.ALTEGIO_SIM_KNOBS ? parseKnobsJson(env.ALTEGIO_SIM_KNOBS, 'ALTEGIO_SIM_KNOBS') : {};
  const num = (flag: string, v: string | undefined) => {
    const n = Number(v);
    if (v === undefined || v.trim() === '' || !Number.isFinite(n)) throw new Error(`${flag} needs a number`);
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const eq = args[i].indexOf('=');
    const flag = eq < 0 ? args[i] : args[i].slice(0, eq);
    const value = () => (eq >= 0 ? args[i].slice(eq + 1) : args[++i]);
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
        knobs.rateLimitPerSecond = num(flag, value());
        break;
      case '--rate-minute':
        knobs.rateLimitPerMinute = num(flag, value());
        break;
      case '--dataset': {
        const d = value();
        if (d !== 'default' && d !== 'small') throw new Error('--dataset is default or small');
        opts.dataset = d;
        break;
      }
      case '--knobs':
        Object.assign(knobs, parseKnobsJson(value() ?? '', '--knobs'));
        break;
      // The main CLI's own selector, harmless here.
      case '--crm':
        value();
        break;
      case '--help':
        return 'help';
      default:
        throw new Error(`unknown argument: ${args[i]}`);
    }
  }
  opts.knobs = validateKnobs(knobs as Record<string, unknown>);
  return opts;
}

/** What the CLI prints: addresses, location, the three logins and the tokens. */
export function describeSimulator(sim: AltegioSimulator): string[] {
  const lines = [
    `Altegio simulator: web ${sim.webUrl}  API ${sim.apiUrl}`,
    `Location: ${sim.cid} (client base ${sim.webUrl}/clients/${sim.cid}/base/); decoy location ${sim.decoyCid}`,
  ];
  for (const [key, u] of Object.entries(sim.users)) lines.push(`User ${key}: login ${u.login} (or ${u.phone}), password ${u.password}`);
  lines.push(`Partner token: ${sim.partnerToken}`);
  lines.push(`API login (owner): ${sim.users.owner.login} / ${sim.users.owner.password} (POST ${sim.apiUrl}/api/v1/auth)`);
  lines.push(`Knobs: ${JSON.stringify(sim.knobs)} (POST ${sim.webUrl}/__sim/knobs to change)`);
  return lines;
}

/** Starts the simulator, prints how to reach it, and returns it (it runs until closed or killed). */
export async function runAltegioCli(args: string[]): Promise<AltegioSimulator | null> {
  const opts = parseAltegioArgs(args);
  if (opts === 'help') {
    console.log(ALTEGIO_USAGE);
    return null;
  }
  const sim = await startAltegioSimulator(opts);
  for (const line of describeSimulator(sim)) console.log(line);
  return sim;
}
