import { monitorEventLoopDelay } from 'node:perf_hooks';
import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { appError } from './errors';
import { openStreamCount } from './sse';

/** Loopback and private networks: where a Prometheus of the MPP's own network scrapes from. */
const PRIVATE = new BlockList();
for (const [net, prefix] of [['127.0.0.0', 8], ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['169.254.0.0', 16]] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

function isPrivateAddress(address: string | undefined): boolean {
  if (!address) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1] : address;
  const family = isIP(ip);
  return family !== 0 && PRIVATE.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Who may read /metrics (route names, request rates, memory: a map for an attacker). With a
 * token, whoever sends `Authorization: Bearer <token>`. Without one, only a direct connection from
 * a loopback or private address. The socket's peer is judged, never X-Forwarded-For (with
 * LOKET_TRUST_PROXY a client could write a private address there), and a request that came
 * through a proxy (forwarding headers present) is refused: behind a proxy on the same host every
 * client would otherwise look like 127.0.0.1.
 */
export function metricsAccess(token: string | undefined) {
  return async (req: FastifyRequest) => {
    if (token) {
      const auth = req.headers.authorization ?? '';
      const given = /^Bearer (.+)$/i.exec(auth)?.[1] ?? '';
      if (!sameSecret(given, token)) throw appError('auth.unauthenticated', { headers: { 'www-authenticate': 'Bearer realm="metrics"' } });
      return;
    }
    const proxied = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined;
    if (proxied || !isPrivateAddress(req.socket.remoteAddress)) throw appError('auth.forbidden');
  };
}

/**
 * Prometheus metrics on a registry of this app (not the global one, so tests can build many).
 * `token`: LOKET_METRICS_TOKEN (see metricsAccess).
 */
export function registerMetrics(app: FastifyInstance, token?: string): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'loket_' });
  const duration = new Histogram({
    name: 'loket_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const lag = monitorEventLoopDelay({ resolution: 20 });
  lag.enable();
  new Gauge({
    name: 'loket_event_loop_lag_p99_seconds',
    help: 'Event-loop delay p99 since the last scrape',
    registers: [registry],
    collect() {
      this.set(lag.percentile(99) / 1e9);
      lag.reset();
    },
  });
  new Gauge({
    name: 'loket_sse_open_connections',
    help: 'Open Server-Sent Events streams',
    registers: [registry],
    collect() {
      this.set(openStreamCount());
    },
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.addHook('onClose', async () => lag.disable());
  app.get('/metrics', { schema: { hide: true }, onRequest: metricsAccess(token) }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
