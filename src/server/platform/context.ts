import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Actor } from './authz';
import type { Bus } from './bus';
import type { Clock } from './clock';
import type { Keys } from './crypto';
import type { Database, Db } from './db';
import type { Notifier } from './notifier';
import type { ScopeDirectory } from './scopes';

/** What every service gets: built once at boot, passed explicitly (no globals). */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  bus: Bus;
  clock: Clock;
  keys: Keys;
  notifier: Notifier;
  log: FastifyBaseLogger;
  /** Whether sites and agencies exist and their names, for access (see platform/scopes). */
  scopes: ScopeDirectory;
}

/** Who is calling, from where: every service call that can change or reveal data takes one. */
export interface Caller {
  actor: Actor;
  ip: string | null;
}
