import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import { memoryBus, postgresBus, type Bus } from '../../src/server/platform/bus';
import { ManualClock } from '../../src/server/platform/clock';
import type { AppContext } from '../../src/server/platform/context';
import { deriveKeys } from '../../src/server/platform/crypto';
import { insertUserWithRoles, type NewUser } from '../../src/server/modules/access/users.service';
import { sessionResponse } from '../../src/contracts/access';
import { ok } from './contract';
import { freshDatabase } from './db';
import { uncataloguedEvents } from './events';
import { noteRoutes } from './routes';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  close(): Promise<void>;
  /** Creates a user directly (no HTTP) and returns a bearer token for it. */
  userToken(user: Partial<NewUser> & Pick<NewUser, 'memberships'>): Promise<string>;
  /** Logs in with a cookie and returns the headers a browser would send (cookie + CSRF). */
  cookieLogin(username: string, password: string): Promise<{ cookie: string; csrf: string }>;
}

let counter = 0;

export interface TestAppOptions {
  start?: string;
  /** Overrides of the configuration (env, trustProxy, metrics token …). */
  config?: Partial<Config>;
  /** Fastify logger options (e.g. `{ level: 'info', stream }` to capture the log). */
  logger?: object;
  /** Runs before `ready()`: a test may add a route of its own (e.g. one that fails in the database). */
  beforeReady?: (app: FastifyInstance, ctx: AppContext) => void | Promise<void>;
}

export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const clock = new ManualClock(opts.start ?? '2026-11-25T09:00:00+08:00');
  const config = loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv, { secret: 'test-secret-test-secret-test-secret-1234', dataDir: '/nonexistent', ...opts.config });
  const bus: Bus = database.kind === 'postgres' ? await postgresBus(database) : memoryBus();
  const { app, ctx } = await buildApp({ config, database, db: database.db, bus, clock, keys: deriveKeys(config.secret) }, { serveWeb: false, ...(opts.logger ? { logger: opts.logger } : {}) });
  noteRoutes(app);
  await opts.beforeReady?.(app, ctx);
  await app.ready();
  return {
    app,
    ctx,
    clock,
    async close() {
      // Every event the file's flows wrote must be one of the catalogue, payload and meta alike.
      const outside = await uncataloguedEvents(database.db);
      await app.close();
      await bus.close();
      await database.close();
      if (outside.length) throw new Error(`Events outside the catalogue (src/contracts/events):\n${outside.join('\n')}`);
    },
    async userToken(u) {
      const username = u.username ?? `user${++counter}-${Math.random().toString(36).slice(2, 7)}`;
      const password = u.password ?? 'correct-horse-battery';
      await insertUserWithRoles(database.db, clock.now(), { username, displayName: u.displayName ?? username, password, memberships: u.memberships });
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      return ok(res, sessionResponse).token;
    },
    async cookieLogin(username, password) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      ok(res, sessionResponse);
      return cookiesOf(res);
    },
  };
}

export function cookiesOf(res: LightMyRequestResponse): { cookie: string; csrf: string } {
  const jar = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  return { cookie: `loket_session=${jar.loket_session}; loket_csrf=${jar.loket_csrf}`, csrf: jar.loket_csrf };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
