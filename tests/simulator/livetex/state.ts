/** Everything one running simulator holds; the route handlers of both origins share it. */
import { KnobState } from './knobs';
import { Stats } from './stats';
import { SlidingLimit, Tokens } from './tokens';
import { Store } from './store';
import type { DatasetName } from './types';

export class LtState {
  readonly knobs: KnobState;
  readonly stats = new Stats();
  readonly tokens = new Tokens();
  /** Rate limit windows: per token (1 s) and per account (60 s). */
  readonly perToken = new SlidingLimit(1000);
  readonly perAccount = new SlidingLimit(60_000);
  readonly store: Store;
  /** Set once both servers listen. */
  cabinetOrigin = '';
  apiOrigin = '';

  /** The cabinet as a browser may name it: by address or as localhost. */
  cabinetOrigins(): string[] {
    return [this.cabinetOrigin, this.cabinetOrigin.replace('//127.0.0.1:', '//localhost:')];
  }

  constructor(seed: number, dataset: DatasetName, knobs?: Record<string, unknown>) {
    this.knobs = new KnobState(knobs);
    this.store = new Store(seed, dataset);
  }
}
