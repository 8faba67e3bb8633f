import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError, appError } from './errors';

/**
 * Which transaction the running code is inside, per async context.
 *
 * Why: PGlite has ONE connection. A query sent to the root handle while a transaction of the same
 * async flow is open waits for that transaction, which waits for the query: the whole server
 * hangs (every later query queues behind it). On PostgreSQL the same mistake reads outside the
 * transaction (it does not see its own writes) and, with a full pool, deadlocks the pool.
 * So the root handles of both drivers are guarded (see `guardRoot`): inside an open transaction a
 * root query throws at once (development and tests) or runs on the open transaction
 * (production, logged), never waits for itself.
 */
interface Scope {
  /** The guarded root client (PGlite instance or pg Pool) the transaction was opened on. */
  root: object;
  /** The drizzle transaction, for code that asks which connection to use (`openTransaction`). */
  tx: unknown;
  /** The driver's transaction client: where a root query is routed in production. */
  client: { query: (...args: never[]) => unknown };
  open: boolean;
}

const scopes = new AsyncLocalStorage<Scope>();

export class RootQueryInTransactionError extends Error {
  constructor(what: string) {
    super(
      `${what} on the root database handle while a transaction of the same request is open. ` +
        'Pass the transaction (tx) to every read inside transact()/db.transaction(), ' +
        'or run detached work through outsideTransaction().',
    );
    this.name = 'RootQueryInTransactionError';
  }
}

/** The drizzle transaction open in this async context on the root client `root`, if any. */
export function scopeOn(root: object): Scope | undefined {
  const s = scopes.getStore();
  return s && s.open && s.root === root ? s : undefined;
}

/**
 * Runs a transaction's work inside its scope, with a deadline: a transaction that does not finish
 * in `timeoutMs` is rolled back with a 503 problem instead of holding the database (on PGlite,
 * everyone's database) forever.
 */
export async function runInScope<T>(scope: Omit<Scope, 'open'>, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const s: Scope = { ...scope, open: true };
  let timer: NodeJS.Timeout | undefined;
  const running = scopes.run(s, work);
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(transactionTimeout(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([running, deadline]);
  } finally {
    s.open = false;
    clearTimeout(timer);
    // Work abandoned at the deadline fails later on the closed transaction: nobody awaits it.
    running.catch(() => {});
  }
}

export function transactionTimeout(ms: number): AppError {
  return appError('db.timeout', {
    messages: {
      id: `Basis data tidak menjawab dalam ${Math.round(ms / 1000)} detik. Coba lagi sebentar lagi.`,
      en: `The database did not answer within ${Math.round(ms / 1000)} s. Try again shortly.`,
    },
    headers: { 'Retry-After': '5' },
  });
}

/**
 * Work that a transaction starts but does not wait for (a notification, a background read) runs
 * outside its scope: it may use the root handle, and waits for the transaction like any request.
 */
export function outsideTransaction<T>(fn: () => T): T {
  return scopes.exit(fn);
}

export interface GuardOptions {
  /** Throw (development, tests) instead of routing into the open transaction (production). */
  strict: boolean;
  onViolation?: (err: Error) => void;
}

/**
 * Guards the root client's query methods. `routable` methods (plain queries) run on the open
 * transaction when not strict; the others (opening another transaction, taking a pool client)
 * would wait for the open transaction and always throw.
 */
export function guardRoot<C extends object>(root: C, methods: { routable: string[]; never: string[] }, opts: GuardOptions): C {
  const target = root as Record<string, unknown>;
  for (const name of [...methods.routable, ...methods.never]) {
    const original = target[name] as (...args: unknown[]) => unknown;
    if (typeof original !== 'function') continue;
    const bound = original.bind(root);
    const routable = methods.routable.includes(name);
    target[name] = (...args: unknown[]) => {
      const s = scopeOn(root);
      if (!s) return bound(...args);
      const err = new RootQueryInTransactionError(`${name}()`);
      if (opts.strict || !routable) {
        if (opts.strict) throw err;
        opts.onViolation?.(err);
        throw err;
      }
      opts.onViolation?.(err);
      return (s.client.query as (...a: unknown[]) => unknown)(...args);
    };
  }
  return root;
}
