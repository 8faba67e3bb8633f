import { networkInterfaces } from 'node:os';
import type { Config } from './config';
import { buildApp } from './app';
import { memoryBus, postgresBus } from './platform/bus';
import { offsetClock, systemClock } from './platform/clock';
import { deriveKeys } from './platform/crypto';
import { openDatabase } from './platform/db';
import { safeLoggerOptions } from './platform/log';
import { setDemoLoginsActive } from './modules/access/access.lookup';
import { startBackground } from './background';

/**
 * pino-pretty in development: one line per entry (`09:12:03 INFO: GET /api/v1/sites 200 3.1 ms`),
 * the request's fields already in the message. Production writes JSON lines for a log shipper.
 */
const PRETTY = {
  target: 'pino-pretty',
  options: { translateTime: 'SYS:HH:MM:ss', singleLine: true, ignore: 'pid,hostname,reqId,method,url,statusCode,ms' },
};

function loggerOptions(cfg: Config) {
  // safeLoggerOptions: the err serializer drops query parameters; secrets are redacted.
  return safeLoggerOptions({ level: cfg.logLevel, ...(cfg.logFormat === 'pretty' ? { transport: PRETTY } : {}) });
}

const ALL_INTERFACES = new Set(['0.0.0.0', '::', '[::]']);

/**
 * Where the server can be reached: on localhost only unless HOST asked for every interface, in
 * which case the machine's LAN addresses are what a kiosk or TV types in.
 */
export function listenDescription(host: string, port: number): string {
  if (!ALL_INTERFACES.has(host)) {
    const local = host === 'localhost' || host.startsWith('127.') || host === '::1';
    return `http://${host.includes(':') ? `[${host}]` : host}:${port}${local ? ' (this computer only; HOST=0.0.0.0 lets kiosks and displays on the network reach it)' : ''}`;
  }
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a!.address}:${port}`);
  return [`http://localhost:${port}`, ...lan].join(', ');
}

/** Boots one server process: database, migrations, optional demo seed, HTTP, signal handling. */
export async function startServer(cfg: Config) {
  const violations: Error[] = [];
  const database = await openDatabase({
    databaseUrl: cfg.databaseUrl,
    dataDir: cfg.dataDir,
    poolSize: cfg.dbPoolSize,
    timeoutMs: cfg.dbTimeoutMs,
    strictTransactions: cfg.env !== 'production',
    // Production routes a stray root query into its transaction; it is still a bug to report.
    onGuardViolation: (err) => (log ? log.error({ err }, 'root database query inside a transaction') : violations.push(err)),
  });
  let log: { error: (o: object, msg: string) => void } | undefined;
  await database.migrate();
  const clock = cfg.clockStart ? offsetClock(cfg.clockStart) : systemClock;
  const bus = database.kind === 'postgres' ? await postgresBus(database) : memoryBus();
  const keys = deriveKeys(cfg.secret);
  if (cfg.demo) {
    // Loaded only in demo mode: production never carries the demo catalogue in memory.
    const { seedDemo } = await import('./modules/catalog/catalog.lookup');
    await seedDemo(database.db, clock);
    // The province view's records link the catalogue's demo sites: after them.
    const { seedEstablishmentDemo } = await import('./modules/establishment/establishment.lookup');
    await seedEstablishmentDemo({ db: database.db, clock, keys });
  }
  await setDemoLoginsActive(database.db, cfg.demo);
  const { app, ctx } = await buildApp({ config: cfg, database, db: database.db, bus, clock, keys }, { logger: loggerOptions(cfg) });
  log = ctx.log;
  for (const err of violations.splice(0)) ctx.log.error({ err }, 'root database query inside a transaction');
  const stopBackground = cfg.jobs ? startBackground(ctx) : async () => {};
  if (cfg.clockStart) ctx.log.warn({ clockStart: cfg.clockStart.toISOString() }, 'clock offset active (LOKET_CLOCK_START)');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      ctx.log.warn('second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    ctx.log.info({ signal }, 'shutting down');
    // Whatever happens below (a request that never ends, a database that does not answer), the
    // process is gone by the deadline: an orchestrator's SIGTERM must always be enough.
    setTimeout(() => {
      ctx.log.error({ deadlineMs: cfg.shutdownTimeoutMs }, 'shutdown deadline passed: exiting with work unfinished');
      process.exit(1);
    }, cfg.shutdownTimeoutMs).unref();
    try {
      // Stop accepting, let requests in flight finish, end SSE streams, then close the database
      // cleanly (PGlite checkpoints its files).
      await app.close();
      await stopBackground();
      await bus.close();
      await database.close();
    } catch (err) {
      ctx.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: cfg.port, host: cfg.host });
  const port = (app.server.address() as { port: number }).port;
  ctx.log.info(`Loket is serving on ${listenDescription(cfg.host, port)} (database: ${database.kind}${cfg.demo ? ', demo' : ''})`);
  if (cfg.demo) {
    const { demoGuide } = await import('./modules/catalog/catalog.lookup');
    const base = ALL_INTERFACES.has(cfg.host) ? 'localhost' : cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host;
    // stdout, not the log: it is for the person who typed `npm run demo`, at any log level.
    console.log(`\n${await demoGuide(`http://${base}:${port}`)}\n`);
  }
  return { app, ctx, database, bus };
}
