/**
 * Which route answered an injected request, and the response schemas it declares: the test app
 * notes them (an onSend hook that only reads), so `ok()` can check that a test decodes an answer
 * with the very contract its route serialises with.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';

type Declared = Record<string, z.ZodType>;
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
  const entry = (declared?.[String(status)] ?? declared?.[`${String(status)[0]}xx`]) as z.ZodType | { content?: Record<string, { schema: z.ZodType }> } | undefined;
  // A response declared per content type (JSON or a file, by `format`): its JSON schema.
  const schema = entry && 'content' in entry && entry.content ? entry.content['application/json']?.schema : (entry as z.ZodType | undefined);
  if (!schema) throw new Error(`${res.raw.req.method} ${res.raw.req.url} declares no response schema for ${status}`);
  return schema;
}
