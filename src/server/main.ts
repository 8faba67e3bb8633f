import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config';
import { startServer } from './server';
import { openDatabase } from './platform/db';
import { DataDirInUseError } from './platform/data-dir-lock';
import { systemClock } from './platform/clock';
import { deriveKeys } from './platform/crypto';
import { insertUserWithRoles } from './modules/access/access.lookup';
import { ROLES, type Role } from './platform/authz';
import { readPassword } from './platform/prompt';

const HELP = `loket <command> [options]

Commands:
  serve [--demo]          start the server (runs migrations first)
  migrate                 apply database migrations and exit
  seed --demo             load the MPP Samarinda demo data and demo logins
  user:create --username NAME --display-name "Full Name" [--role platform_admin]
                          create a staff user; the password is read from LOKET_PASSWORD or asked
  site:create --slug SLUG --name "MPP ..." --time-zone WIB|WITA|WIT [--regency ..] [--province ..]
              [--address ..] [--phone ..] [--email ..] [--whatsapp ..] [--website ..] [--status preparation]
                          create an MPP site (national holidays of this and next year included)
  help                    this text

Configuration comes from environment variables: see docs/operations.md.`;

function config(overrides: Partial<Config> = {}): Config {
  try {
    return loadConfig(process.env, overrides);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78);
    }
    throw e;
  }
}

async function withDatabase<T>(cfg: Config, fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, poolSize: cfg.dbPoolSize });
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** sysexits EX_TEMPFAIL: nothing is wrong with the command; it can run once the server stops. */
const EXIT_DATA_DIR_IN_USE = 75;

/**
 * The embedded database belongs to one process: a command run while the server holds the data
 * directory is refused by the lock (platform/data-dir-lock). That is an everyday situation, not a
 * crash: one sentence saying what to do, no stack trace.
 */
function dataDirInUse(command: string, e: unknown): string | null {
  const err = e as Partial<DataDirInUseError> | null;
  if (!(e instanceof DataDirInUseError) && err?.code !== 'LOKET_DATA_DIR_IN_USE') return null;
  const holder = err?.pid ? `process ${err.pid}` : 'another process';
  const what = command === 'serve' ? 'cannot start' : `cannot run ${command}`;
  const instead = command === 'user:create' ? ' (or create the user in the web app)' : '';
  return `loket ${what}: the data directory ${err?.dataDir ?? ''} is in use by a running Loket server (${holder}); stop that server first${instead}, or use a PostgreSQL server (DATABASE_URL) that several processes can share.`;
}

export async function main(argv: string[]): Promise<void> {
  const [command = 'serve'] = argv;
  try {
    await run(argv);
  } catch (e) {
    const sentence = dataDirInUse(command, e);
    if (!sentence) throw e;
    console.error(sentence);
    process.exit(EXIT_DATA_DIR_IN_USE);
  }
}

async function run(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      dev: { type: 'boolean' },
      'no-web-build': { type: 'boolean' },
      username: { type: 'string' },
      'display-name': { type: 'string' },
      role: { type: 'string' },
      slug: { type: 'string' },
      name: { type: 'string' },
      'time-zone': { type: 'string' },
      regency: { type: 'string' },
      province: { type: 'string' },
      address: { type: 'string' },
      phone: { type: 'string' },
      email: { type: 'string' },
      whatsapp: { type: 'string' },
      website: { type: 'string' },
      status: { type: 'string' },
    },
  });
  switch (command) {
    case 'serve': {
      const cfg = config(values.demo ? { demo: true } : {});
      await startServer(cfg);
      return;
    }
    case 'migrate': {
      await withDatabase(config(), async () => console.log('Migrations applied.'));
      return;
    }
    case 'seed': {
      if (!values.demo) {
        console.error('Only the demo seed exists: loket seed --demo');
        process.exit(64);
      }
      const cfg = config({ demo: true });
      await withDatabase(cfg, async (database) => {
        const { seedDemo } = await import('./modules/catalog/catalog.lookup');
        const result = await seedDemo(database.db, systemClock);
        const { seedEstablishmentDemo } = await import('./modules/establishment/establishment.lookup');
        await seedEstablishmentDemo({ db: database.db, clock: systemClock, keys: deriveKeys(cfg.secret) });
        console.log(result.created ? 'Demo data loaded.' : 'Demo data was already present.');
      });
      return;
    }
    case 'user:create': {
      const role = (values.role ?? 'platform_admin') as Role;
      if (!values.username || !values['display-name'] || !ROLES.includes(role)) {
        console.error('Usage: loket user:create --username NAME --display-name "Full Name" [--role platform_admin]');
        process.exit(64);
      }
      if (role !== 'platform_admin') {
        console.error('From the shell only platform_admin users are created; create scoped staff in the web app.');
        process.exit(64);
      }
      const password = process.env.LOKET_PASSWORD ?? (await readPassword('Password: '));
      if (password.length < 10) {
        console.error('The password must have at least 10 characters.');
        process.exit(64);
      }
      await withDatabase(config(), async (database) => {
        const user = await insertUserWithRoles(database.db, new Date(), {
          username: values.username!,
          displayName: values['display-name']!,
          password,
          memberships: [{ role, siteId: null, agencyId: null }],
        });
        console.log(`Created ${user.username} (${role}).`);
      });
      return;
    }
    case 'site:create': {
      await siteCreate(values);
      return;
    }
    default:
      console.log(HELP);
      if (command !== 'help') process.exit(64);
  }
}

// The three zones of Indonesia by the names people use; an IANA name is taken as it is.
const ZONE_ALIASES: Record<string, string> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };

async function siteCreate(values: Record<string, string | boolean | undefined>): Promise<void> {
  const text = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  if (!text('slug') || !text('name') || !text('time-zone')) {
    console.error('Usage: loket site:create --slug mpp-samarinda --name "Mal Pelayanan Publik Kota Samarinda" --time-zone WITA [--regency ..] [--province ..] [--address ..]');
    process.exit(64);
  }
  const zone = text('time-zone')!.trim();
  const { createSiteBody } = await import('../contracts/catalog');
  const parsed = createSiteBody.safeParse(
    Object.fromEntries(
      Object.entries({
        slug: text('slug'),
        name: text('name'),
        timeZone: ZONE_ALIASES[zone.toUpperCase()] ?? zone,
        regency: text('regency'),
        province: text('province'),
        address: text('address'),
        phone: text('phone'),
        email: text('email'),
        whatsapp: text('whatsapp'),
        website: text('website'),
        status: text('status'),
      }).filter(([, v]) => v !== undefined),
    ),
  );
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${flagOf(String(issue.path[0] ?? ''))}: ${issue.message}`);
    process.exit(65);
  }
  await withDatabase(config(), async (database) => {
    const { createSiteFromShell } = await import('./modules/catalog/catalog.lookup');
    const { AppError } = await import('./platform/errors');
    try {
      const site = await createSiteFromShell({ db: database.db, clock: systemClock }, parsed.data);
      console.log(`Created site ${site.slug} (${site.name}, ${site.timeZone}, status ${site.status}). Open /admin/catalog to add its agencies.`);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const fields = e.details.errors ?? [];
      if (fields.length === 0) console.error(e.details.messages?.en ?? e.message);
      for (const f of fields) console.error(`--${flagOf(f.field.replace(/^body\./, ''))}: ${f.messages.en}`);
      process.exit(65);
    }
  });
}

const flagOf = (field: string) => (field === 'timeZone' ? 'time-zone' : field);
