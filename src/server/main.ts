import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config';
import { startServer } from './server';
import { openDatabase } from './platform/db';
import { systemClock } from './platform/clock';
import { insertUserWithRoles } from './modules/access/users.service';
import { ROLES, type Role } from './platform/authz';
import { readPassword } from './platform/prompt';

const HELP = `loket <command> [options]

Commands:
  serve [--demo]          start the server (runs migrations first)
  migrate                 apply database migrations and exit
  seed --demo             load the MPP Samarinda demo data and demo logins
  user:create --username NAME --display-name "Full Name" [--role platform_admin]
                          create a staff user; the password is read from LOKET_PASSWORD or asked
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

export async function main(argv: string[]): Promise<void> {
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
      await withDatabase(config({ demo: true }), async (database) => {
        const { seedDemo } = await import('./modules/catalog/demo-seed');
        const result = await seedDemo(database.db, systemClock);
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
    default:
      console.log(HELP);
      if (command !== 'help') process.exit(64);
  }
}
