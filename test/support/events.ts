import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { appEvent } from '../../src/contracts/events';
import { events } from '../../src/server/db/events.schema';
import type { Db } from '../../src/server/platform/db';

/**
 * The rows of the events table that are not events of the catalogue (src/contracts/events),
 * each with why; empty when every row parses. `createTestApp().close()` runs it, so every
 * integration test's flows check the catalogue against what the server really writes.
 */
export async function uncataloguedEvents(db: Db): Promise<string[]> {
  const rows = await db.select().from(events).orderBy(asc(events.id));
  return rows.flatMap((r) => {
    const parsed = appEvent.safeParse(r);
    return parsed.success ? [] : [`event #${r.id} ${r.type}: ${z.prettifyError(parsed.error)}`];
  });
}
