/** Responses of the platform's own probes (liveness and readiness, DESIGN §6). */
import { z } from 'zod';

export const health = z.object({ status: z.literal('ok') });
export const readiness = z.object({ status: z.literal('ready'), database: z.string().describe('pglite or postgres') });
