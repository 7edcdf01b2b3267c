import { EcsError, createSimulator, type EcsSimulator } from '../../index.js';
import { DEFAULT_ACCESS_KEY_ID, accountIdOfKey } from './accounts.js';

export interface RegionalOptions {
  seed: number;
  /** The account of unsigned requests and of the access key id `test` (see accounts.ts). */
  accountId: string;
  /** The region of requests that name none (curl on /_sim, an unsigned request). */
  defaultRegion: string;
  /**
   * At most this many simulators (accounts × regions): on a network anyone may sign with a new key, and each
   * new account costs memory. Default 500: a class of a hundred, each in a few regions.
   */
  maxSimulators?: number;
}

/**
 * An access key id mapped with /_sim/principals: it acts in the account that mapped it, as an IAM role of that
 * account, or (roleName undefined, after `roleName: null`) as the account itself.
 */
export interface Principal {
  accountId: string;
  roleName?: string;
}

/** An account as the instructor's dashboard lists it. */
export interface AccountSummary {
  accountId: string;
  /** The keys that signed requests in it, sorted. */
  accessKeyIds: string[];
  regions: string[];
}

/** What one account holds in one region: what a reset would delete. */
export interface HeldPlace {
  accountId: string;
  region: string;
  /** The keys that signed requests in the account, sorted. */
  accessKeyIds: string[];
  /** Names of its clusters. */
  clusters: string[];
  /** Calls that changed something there (clusters, task definitions, roles, queues, instances...), time aside. */
  changes: number;
}

/** Everything a reset would delete (`GET /_sim/contents`): empty on a fresh or just-reset server. */
export interface ServerContents {
  empty: boolean;
  places: HeldPlace[];
  /** Access key ids mapped to an IAM role with /_sim/principals. */
  principals: Array<{ accessKeyId: string } & Principal>;
}

/**
 * One simulator per account and region, created when a request first names them: ECS regions are separate (a
 * cluster made in eu-west-1 is not listed in us-east-1), and so are accounts (see accounts.ts). They share one
 * virtual clock: every simulator is kept at the same virtual time.
 */
export class RegionalSimulators {
  /** By `<account id> <region>`. */
  private simulators = new Map<string, EcsSimulator>();
  private keysByAccount = new Map<string, Set<string>>();
  /** Each key that signed a request, with its own account: no more keys than keysByAccount holds. */
  private accountByKey = new Map<string, string>();
  /** Bumped on every reset, so watchers know the history they hold is gone. */
  generation = 0;
  /** Bumped after every request that may have changed something, so watchers know when to redraw. */
  version = 0;

  /** Access key ids whose ECS calls are made as an IAM role (cluster access control), by key. */
  readonly principals = new Map<string, Principal>();

  constructor(private options: RegionalOptions) {}

  get seed(): number {
    return this.options.seed;
  }

  get defaultRegion(): string {
    return this.options.defaultRegion;
  }

  get defaultAccountId(): string {
    return this.options.accountId;
  }

  /** Virtual milliseconds since the start, the same in every region. */
  get nowMs(): number {
    return Math.max(0, ...[...this.simulators.values()].map((s) => s.control.now * 1000));
  }

  /** The account that requests signed with `accessKeyId` act in (none: unsigned); the key is listed under it. */
  accountOf(accessKeyId: string | undefined): string {
    if (accessKeyId === undefined) return this.options.accountId;
    const accountId = this.principals.get(accessKeyId)?.accountId ?? this.ownAccountOf(accessKeyId);
    const keys = this.keysByAccount.get(accountId) ?? new Set<string>();
    this.keysByAccount.set(accountId, keys.add(accessKeyId));
    return accountId;
  }

  /** A key's own account, hashed once per key (a sha256 per request would be a cost every call pays). */
  private ownAccountOf(accessKeyId: string): string {
    let accountId = this.accountByKey.get(accessKeyId);
    if (accountId === undefined) {
      accountId = accessKeyId === DEFAULT_ACCESS_KEY_ID ? this.options.accountId : accountIdOfKey(accessKeyId);
      this.accountByKey.set(accessKeyId, accountId);
    }
    return accountId;
  }

  get(region = this.options.defaultRegion, accountId = this.options.accountId): EcsSimulator {
    const key = `${accountId} ${region}`;
    let simulator = this.simulators.get(key);
    if (!simulator) {
      if (!/^[a-z0-9-]{1,40}$/.test(region)) throw new EcsError('InvalidParameterException', `${JSON.stringify(region)} is not a region name.`);
      const most = this.options.maxSimulators ?? 500;
      if (this.simulators.size >= most) {
        throw new EcsError('LimitExceededException', `This ecs-lab server already holds ${most} simulated accounts and regions, its most: sign with an access key id already in use, or ask the instructor to reset the server.`);
      }
      const nowMs = this.nowMs;
      simulator = createSimulator({ seed: this.options.seed, accountId, region });
      simulator.control.advance(nowMs / 1000);
      this.simulators.set(key, simulator);
    }
    return simulator;
  }

  /** Every account that holds a simulator or signed a request, the server's own first. */
  accounts(): AccountSummary[] {
    const regions = new Map<string, string[]>();
    for (const key of this.simulators.keys()) {
      const [accountId, region] = key.split(' ');
      regions.set(accountId, [...(regions.get(accountId) ?? []), region]);
    }
    const ids = new Set([this.options.accountId, ...[...regions.keys(), ...this.keysByAccount.keys()].sort()]);
    return [...ids].map((accountId) => ({
      accountId,
      accessKeyIds: [...(this.keysByAccount.get(accountId) ?? [])].sort(),
      regions: (regions.get(accountId) ?? []).sort(),
    }));
  }

  /** The accounts and regions where a call changed something, the server's own account first, and the keys mapped to roles. */
  contents(): ServerContents {
    const places: HeldPlace[] = [];
    for (const [key, simulator] of this.simulators) {
      // The journal holds every change since the simulator began (time moving is not one): see core/kernel/journal.ts.
      const changes = simulator.control.snapshot().journal.filter((entry) => entry.call !== 'control.advanceTo').length;
      if (changes === 0) continue;
      const [accountId, region] = key.split(' ');
      const clusters = simulator.listClusters().clusterArns.map((arn) => arn.slice(arn.indexOf('/') + 1));
      places.push({ accountId, region, accessKeyIds: [...(this.keysByAccount.get(accountId) ?? [])].sort(), clusters, changes });
    }
    const own = (place: HeldPlace) => (place.accountId === this.options.accountId ? 0 : 1);
    places.sort((a, b) => own(a) - own(b) || a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region));
    const principals = [...this.principals].filter(([, p]) => p.roleName !== undefined).map(([accessKeyId, principal]) => ({ accessKeyId, ...principal }));
    return { empty: places.length === 0 && principals.length === 0, places, principals };
  }

  /** Brings every simulator up to virtual time `ms` (after a tick, or after one ran ahead). */
  advanceAllTo(ms: number): void {
    for (const simulator of this.simulators.values()) {
      const behind = ms - simulator.control.now * 1000;
      if (behind > 0) simulator.control.advance(behind / 1000);
    }
    this.version++;
  }

  reset(seed = this.options.seed): void {
    this.options = { ...this.options, seed };
    this.simulators = new Map();
    // The roles they named, and the keys seen, are gone with the simulators.
    this.principals.clear();
    this.keysByAccount = new Map();
    this.accountByKey = new Map();
    this.generation++;
    this.version++;
  }
}
