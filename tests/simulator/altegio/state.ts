/** Everything one running simulator holds; both origins' handlers share it. */
import { createRng, type Rng } from '../random';
import { Store } from './store';
import { KnobState } from './knobs';
import { Stats } from './stats';
import { RateLimits } from './limiter';
import { UserTokens, WebSessions } from './auth';
import { makePartnerToken, makeUsers } from './users';
import type { DatasetName } from './dataset';
import type { AltegioKnobs, MutationResult, MutationSpec, SimUser, UserKey } from './types';
import { applyMutation, DEFAULT_MUTATION } from './mutations';

export class AltegioState {
  readonly store: Store;
  readonly knobs: KnobState;
  readonly stats = new Stats();
  readonly limits = new RateLimits();
  readonly tokens = new UserTokens();
  readonly sessions = new WebSessions();
  readonly users: Record<UserKey, SimUser>;
  readonly partnerToken: string;
  readonly mutRng: Rng;

  constructor(
    readonly seed: number,
    datasetName: DatasetName,
    knobs?: Partial<AltegioKnobs>,
  ) {
    this.store = new Store(seed, datasetName);
    this.users = makeUsers(seed);
    this.partnerToken = makePartnerToken(seed);
    this.mutRng = createRng(seed).fork('mutations');
    this.knobs = new KnobState();
    this.knobs.hooks = {
      revoke: () => this.tokens.revokeAll(),
      restartSessions: () => this.sessions.restart(),
      restartLimits: () => this.limits.reset(),
    };
    this.knobs.set(knobs ?? {});
  }

  /** No spec (or an empty one): the default bundle of changes between syncs. */
  mutate(spec?: MutationSpec): MutationResult {
    return applyMutation(this.store, this.mutRng, spec && Object.keys(spec).length ? spec : DEFAULT_MUTATION);
  }
}
