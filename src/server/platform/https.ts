import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';

/**
 * Whether the browser reached us over TLS. `req.protocol` reads X-Forwarded-Proto only when
 * LOKET_TRUST_PROXY=1 (a client could otherwise claim https itself).
 */
export const isHttps = (req: FastifyRequest) => req.protocol === 'https';

/**
 * Session cookies carry `Secure` on every HTTPS request, and in production always: behind a TLS
 * proxy whose X-Forwarded-Proto is not trusted the request looks like plain HTTP, yet the browser
 * is on HTTPS and must never send the session back over HTTP. An MPP served over plain HTTP on a
 * closed LAN sets LOKET_ALLOW_PLAIN_HTTP=1 (browsers drop Secure cookies on http:// pages).
 */
export const secureCookies = (config: Pick<Config, 'env' | 'allowPlainHttp'>, req: FastifyRequest) =>
  isHttps(req) || (config.env === 'production' && !config.allowPlainHttp);

/** One year, subdomains included (helmet's default). */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Strict-Transport-Security only on HTTPS responses: RFC 6797 §7.2 says a host must not send it
 * over plain HTTP, where it is ignored at best and, on a LAN without TLS, means nothing.
 */
export function setHsts(req: FastifyRequest, reply: FastifyReply): void {
  if (isHttps(req)) reply.header('strict-transport-security', HSTS);
}
