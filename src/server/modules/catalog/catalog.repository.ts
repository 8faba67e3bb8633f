import { asc, eq } from 'drizzle-orm';
import type { Conn } from '../../platform/db';
import { sites } from './catalog.schema';

export type SiteRow = typeof sites.$inferSelect;

export function listSites(conn: Conn) {
  return conn.select().from(sites).orderBy(asc(sites.name));
}

export async function findSite(conn: Conn, id: string): Promise<SiteRow | undefined> {
  const [s] = await conn.select().from(sites).where(eq(sites.id, id));
  return s;
}
