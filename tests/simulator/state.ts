/** Everything one running simulator holds; the route handlers share it. */
import { Dataset, type DatasetName } from './dataset';
import { KnobState } from './knobs';
import { Stats } from './stats';
import { Sessions } from './session';
import { RateLimiter, Tokens } from './api-auth';
import { mixSeed } from './random';
import type { Credentials, Knobs, UiLang } from './types';

export class SimState {
  readonly knobs: KnobState;
  readonly stats = new Stats();
  readonly sessions = new Sessions();
  readonly tokens = new Tokens();
  readonly limiter = new RateLimiter();
  readonly credentials: Credentials;
  private dataset: Dataset | null = null;

  constructor(
    readonly seed: number,
    readonly datasetName: DatasetName,
    readonly lang: UiLang,
    knobs?: Partial<Knobs>,
  ) {
    this.knobs = new KnobState(knobs);
    this.credentials = makeCredentials(seed);
  }

  /** Built on first use, so the server answers at once (the default set takes ~0.3 s). */
  get data(): Dataset {
    if (!this.dataset) this.dataset = new Dataset(this.seed, this.datasetName);
    return this.dataset;
  }
}

/** Fixed per seed, so a demo or a test in another process can know them. */
export function makeCredentials(seed: number): Credentials {
  const hex = (label: string) => mixSeed(seed, label).toString(16).padStart(8, '0');
  const key = hex('k1') + hex('k2') + hex('k3') + hex('k4');
  return {
    uiLogin: 'manager@example.com',
    uiPassword: `sim-${hex('ui')}`,
    apiEmail: 'api@example.com',
    apiKey: `${key.slice(0, 8)}-${key.slice(8, 12)}-${key.slice(12, 16)}-${key.slice(16, 20)}-${key.slice(20, 32)}`,
  };
}
