import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { listPublicSites } from './sites.service';

const tags = ['catalog'];

export const siteSummary = z.object({ id: z.uuid(), slug: z.string(), name: z.string(), timeZone: z.string(), status: z.string() });

export const catalogRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get('/sites', { schema: { tags, response: { 200: z.array(siteSummary) } } }, async () => listPublicSites(ctx));
};
