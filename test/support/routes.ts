/**
 * Which route answered an injected request, and the response schemas it declares: the test app
 * notes them (an onSend hook that only reads), so `ok()` can check that a test decodes an answer
 * with the very contract its route serialises with.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { ServerResponse } from 'node:http';
import { ZodType, type z } from 'zod';

type Declared = Record<string, unknown>;
const answeredBy = new WeakMap<ServerResponse, Declared | null>();

export function noteRoutes(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const response = (req.routeOptions.schema as { response?: Declared } | undefined)?.response;
    answeredBy.set(reply.raw, response ?? null);
    return payload;
  });
}

/**
 * The schema the route declares for `status` (`200`, else `2xx`); `undefined` when the answer was
 * not injected into a test app (nothing to compare with). Fails when the route declares none.
 */
export function declaredResponse(res: LightMyRequestResponse, status: number): z.ZodType | undefined {
  const raw = res.raw.res as ServerResponse | undefined;
  if (!raw || !answeredBy.has(raw)) return undefined;
  const declared = answeredBy.get(raw);
  const entry = declared?.[String(status)] ?? declared?.[`${String(status)[0]}xx`];
  // A route that answers JSON or a file (an export) declares a content map: its JSON schema counts.
  const schema = entry instanceof ZodType ? entry : (entry as { content?: Record<string, { schema?: z.ZodType }> } | undefined)?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${res.raw.req.method} ${res.raw.req.url} declares no response schema for ${status}`);
  return schema;
}
