import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Every environment variable Loket reads. Documented in docs/operations.md. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Default: localhost outside production (a laptop's demo is not on the MPP's network until
  // asked, HOST=0.0.0.0), every interface in production (a server is meant to be reached).
  HOST: z.string().min(1).optional(),
  LOKET_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LOKET_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOKET_DB_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  LOKET_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  LOKET_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOKET_DEMO: bool.default(false),
  LOKET_CLOCK_START: z
    .string()
    .datetime({ offset: true, message: 'must be an ISO 8601 instant with offset, e.g. 2026-11-25T09:00:00+08:00' })
    .optional(),
  LOKET_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOKET_LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  LOKET_PUBLIC_URL: z.string().url().optional(),
  LOKET_TRUST_PROXY: bool.default(false),
  LOKET_ALLOW_PLAIN_HTTP: bool.default(false),
  LOKET_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOKET_SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOKET_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  LOKET_NOTIFY_WEBHOOK_URL: z.string().url().optional(),
  LOKET_NOTIFY_WEBHOOK_TOKEN: z.string().optional(),
  LOKET_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.go.id:587')
    .optional(),
  LOKET_SMTP_FROM: z.string().min(3).default('Loket MPP <no-reply@localhost>'),
  LOKET_JOBS: bool.default(true),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  dbPoolSize: number;
  /** A transaction (and on PostgreSQL a statement) running longer is rolled back: 503. */
  dbTimeoutMs: number;
  /** After SIGTERM/SIGINT the process exits by then, whatever is still running. */
  shutdownTimeoutMs: number;
  secret: string;
  demo: boolean;
  clockStart: Date | undefined;
  logLevel: Env['LOKET_LOG_LEVEL'];
  /** `pretty` (one readable line per entry, pino-pretty) in development, JSON lines otherwise. */
  logFormat: 'pretty' | 'json';
  publicUrl: string | undefined;
  trustProxy: boolean;
  /** Production only: session cookies without `Secure` on plain-HTTP requests (a closed LAN). */
  allowPlainHttp: boolean;
  /** Bearer token for GET /metrics; unset: only loopback and private addresses may scrape. */
  metricsToken: string | undefined;
  sessionTtlHours: number;
  bodyLimit: number;
  notifyWebhookUrl: string | undefined;
  notifyWebhookToken: string | undefined;
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** Run the background job poller in this process. */
  jobs: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Validates the environment once at boot. Each bad variable becomes one line naming it, so an
 * operator can fix everything in one go instead of one restart per mistake.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !env.LOKET_SECRET) {
    problems.push('LOKET_SECRET: required when NODE_ENV=production (at least 32 characters)');
  }
  if (env.NODE_ENV === 'production' && env.LOKET_CLOCK_START) {
    problems.push('LOKET_CLOCK_START: refused when NODE_ENV=production');
  }
  if (problems.length) throw new ConfigError(problems);

  const dataDir = path.resolve(env.LOKET_DATA_DIR);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : 'localhost'),
    dataDir,
    databaseUrl: env.DATABASE_URL,
    dbPoolSize: env.LOKET_DB_POOL_SIZE,
    dbTimeoutMs: env.LOKET_DB_TIMEOUT_MS,
    shutdownTimeoutMs: env.LOKET_SHUTDOWN_TIMEOUT_MS,
    secret: env.LOKET_SECRET ?? overrides.secret ?? developmentSecret(dataDir),
    demo: env.LOKET_DEMO,
    clockStart: env.LOKET_CLOCK_START ? new Date(env.LOKET_CLOCK_START) : undefined,
    logLevel: env.LOKET_LOG_LEVEL,
    logFormat: env.LOKET_LOG_FORMAT ?? (env.NODE_ENV === 'development' ? 'pretty' : 'json'),
    publicUrl: env.LOKET_PUBLIC_URL,
    trustProxy: env.LOKET_TRUST_PROXY,
    allowPlainHttp: env.LOKET_ALLOW_PLAIN_HTTP,
    metricsToken: env.LOKET_METRICS_TOKEN,
    sessionTtlHours: env.LOKET_SESSION_TTL_HOURS,
    bodyLimit: env.LOKET_BODY_LIMIT_BYTES,
    notifyWebhookUrl: env.LOKET_NOTIFY_WEBHOOK_URL,
    notifyWebhookToken: env.LOKET_NOTIFY_WEBHOOK_TOKEN,
    smtpUrl: env.LOKET_SMTP_URL,
    smtpFrom: env.LOKET_SMTP_FROM,
    jobs: env.LOKET_JOBS,
    ...overrides,
  };
}

/** Outside production the secret is generated once and kept in the data directory. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
