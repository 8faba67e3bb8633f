import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { health, readiness } from '../contracts/platform';
import type { AppContext } from './platform/context';
import { migrationsApplied } from './platform/db';
import { appError } from './platform/errors';
import { setHsts } from './platform/https';
import { safeLoggerOptions } from './platform/log';
import { OneLineRequestLog } from './platform/request-log';
import { notifierFromConfig, type Notifier } from './platform/notifier';
import { registerMetrics } from './platform/metrics';
import { rejectUnsafeText } from './platform/input';
import { OPENAPI_TAGS, openapiTransform, problemComponent, SECURITY, SECURITY_SCHEMES } from './platform/openapi';
import { clientErrorHandler, frameworkErrorHandler, registerProblemHandlers, sendNotFoundProblem } from './platform/problem';
import { closeAllStreams } from './platform/sse';
import { accessRoutes } from './modules/access/access.routes';
import { catalogRoutes } from './modules/catalog/catalog.routes';
import { scopeDirectory } from './modules/catalog/catalog.lookup';
import { agencyFilesRoutes } from './modules/catalog/agency-files.routes';
import { staffRoutes } from './modules/access/staff.routes';
import { bookingRoutes } from './modules/booking/booking.routes';
import { queueRoutes } from './modules/queue/queue.routes';
import { establishmentRoutes } from './modules/establishment/establishment.routes';
import { applicationsRoutes } from './modules/applications/applications.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { surveyRoutes } from './modules/survey/survey.routes';
import { citizensRoutes } from './modules/citizens/citizens.routes';
import { sharedRoutes } from './modules/citizens/shared.routes';
import { complaintsRoutes } from './modules/complaints/complaints.routes';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

const READY_TIMEOUT_MS = 2_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)))]).finally(() => clearTimeout(timer));
}

export interface BuildOptions {
  /** Fastify logger option; tests pass false. */
  logger?: boolean | object;
  serveWeb?: boolean;
}

/** Builds the HTTP app: platform plugins first, then each module's routes under /api/v1. */
export async function buildApp(
  ctx: Omit<AppContext, 'log' | 'notifier' | 'scopes'> & { notifier?: Notifier },
  opts: BuildOptions = {},
): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const app = Fastify({
    // Whoever configures the logger, errors are logged without query parameters or secrets.
    logger: opts.logger ? safeLoggerOptions(opts.logger === true ? {} : opts.logger) : false,
    // One line per request, written when it has been answered (platform/request-log).
    logController: new OneLineRequestLog(),
    trustProxy: ctx.config.trustProxy,
    bodyLimit: ctx.config.bodyLimit,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: 'x-request-id',
    return503OnClosing: true,
    // A malformed percent-encoding (400) or a path segment over maxParamLength (100: 414) is a
    // problem document like every other refusal, and so is a request Node cannot parse.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  const notifier = ctx.notifier ?? notifierFromConfig(ctx.config, app.log);
  // Access asks the catalogue about sites and agencies through this port (platform/scopes).
  const full: AppContext = { ...ctx, notifier, log: app.log, scopes: scopeDirectory };

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  // NUL, lone surrogates and control characters are refused in every route's params, query and
  // JSON body, before the route's own schema (platform/input.ts).
  app.addHook('preValidation', rejectUnsafeText);
  // Only JSON (and what a route parses itself: uploads, the XLSX import) is accepted: a JSON
  // body sent as text/plain is a 415, not a string that fails validation somewhere later.
  app.removeContentTypeParser('text/plain');

  // Security headers. helmet's middleware is built once here: @fastify/helmet rebuilt it (and
  // re-parsed the CSP) on every request, ~2 % of the CPU of a booking rush.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine writes CSS variables into style attributes and tags at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // Sent by setHsts on HTTPS requests only (helmet would send it over plain HTTP too).
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    setHsts(req, reply);
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  await app.register(cookie);
  // JSON responses (the service list of a big MPP is ~100 KB) go out gzipped. SSE streams are
  // hijacked replies and are never buffered by this; static bundles are pre-compressed at build.
  await app.register(compress, { global: true, threshold: 2048, encodings: ['gzip', 'deflate'] });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Loket API',
        version: '1',
        description: 'Mal Pelayanan Publik platform. Problems are application/problem+json (RFC 9457) with a stable `code`. Conventions: docs/api.md.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: '/', description: 'This instance' }],
      tags: OPENAPI_TAGS,
      components: { securitySchemes: SECURITY_SCHEMES, schemas: { Problem: problemComponent() } },
    },
    // Operation ids, CSRF on cookie writes and problem responses for every route (platform/openapi.ts).
    transform: openapiTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  registerMetrics(app, ctx.config.metricsToken);

  app.get('/api/health', { schema: { tags: ['platform'], summary: 'Liveness: the process answers (DESIGN §6)', security: SECURITY.none, response: { 200: health } } }, async () => ({ status: 'ok' as const }));
  app.get('/api/ready', { schema: { tags: ['platform'], summary: 'Readiness: migrations applied and the database answers within 2 s (else 503)', security: SECURITY.none, problems: [503], response: { 200: readiness } } }, async () => {
    // A stuck database (a transaction holding PGlite's one connection, an exhausted pool) must
    // make readiness fail, not hang with everything else.
    const ok = await withTimeout(migrationsApplied(full.db).catch(() => false), READY_TIMEOUT_MS);
    if (ok === 'timeout') throw appError('db.unavailable', { extra: { database: full.database.kind } });
    if (!ok) throw appError('not_ready');
    return { status: 'ready' as const, database: full.database.kind };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(accessRoutes(full));
      await api.register(catalogRoutes(full));
      await api.register(agencyFilesRoutes(full));
      await api.register(staffRoutes(full));
      await api.register(bookingRoutes(full));
      await api.register(queueRoutes(full));
      await api.register(establishmentRoutes(full));
      await api.register(applicationsRoutes(full));
      await api.register(surveyRoutes(full));
      await api.register(citizensRoutes(full));
      await api.register(sharedRoutes(full));
      await api.register(complaintsRoutes(full));
      await api.register(reportsRoutes(full));
    },
    { prefix: '/api/v1' },
  );

  const serveWeb = opts.serveWeb ?? existsSync(path.join(WEB_DIR, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIR, prefix: '/', wildcard: false, index: ['index.html'], preCompressed: true });
  }
  app.setNotFoundHandler((req, reply) => {
    // The SPA owns every non-API path: deep links such as /kiosk or /t/ABC123 load index.html.
    if (serveWeb && req.method === 'GET' && !req.url.startsWith('/api') && !req.url.startsWith('/metrics')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendNotFoundProblem(reply);
  });

  app.addHook('preClose', async () => closeAllStreams());
  return { app, ctx: full };
}
