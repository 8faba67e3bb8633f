/** The setting of the tests of an agency's files (agreement document, logo): who calls, and what the database holds. */
import { and, count, eq } from 'drizzle-orm';
import { auditLog } from '../../src/server/db/audit.schema';
import { agencies } from '../../src/server/modules/catalog/catalog.schema';
import { storedFiles } from '../../src/server/modules/files/files.schema';
import { bearer, type TestApp } from './app';
import { createSiteFixture } from './site-fixture';

/**
 * Two sites (agencies A = Imigrasi and B = Dukcapil each) and the callers: the site admin of the
 * first (named `username`), the agency admins of its A and B, an officer of A, and the site admin
 * of the other site.
 */
export async function agencyFilesFixture(t: TestApp, username: string) {
  const f = await createSiteFixture(t);
  const other = await createSiteFixture(t);
  return {
    f,
    other,
    siteAdmin: await t.userToken({ username, memberships: [{ role: 'site_admin', siteId: f.siteId, agencyId: null }] }),
    imigrasiAdmin: await t.userToken({ memberships: [{ role: 'agency_admin', siteId: f.siteId, agencyId: f.agencyA }] }),
    dukcapilAdmin: await t.userToken({ memberships: [{ role: 'agency_admin', siteId: f.siteId, agencyId: f.agencyB }] }),
    officer: await t.userToken({ memberships: [{ role: 'officer', siteId: f.siteId, agencyId: f.agencyA }] }),
    otherSiteAdmin: await t.userToken({ memberships: [{ role: 'site_admin', siteId: other.siteId, agencyId: null }] }),
  };
}
export type AgencyFilesFixture = Awaited<ReturnType<typeof agencyFilesFixture>>;

type Body = { payload: Buffer; headers: Record<string, string> };
/** PUT of a multipart body, with the caller's token when there is one. */
export const putFile = (t: TestApp, url: string, token: string | undefined, body: Body) =>
  t.app.inject({ method: 'PUT', url, headers: { ...body.headers, ...(token ? bearer(token) : {}) }, payload: body.payload });
export const deleteFile = (t: TestApp, url: string, token?: string) => t.app.inject({ method: 'DELETE', url, headers: token ? bearer(token) : {} });

export const fileCount = async (t: TestApp) => (await t.ctx.db.select({ n: count() }).from(storedFiles))[0].n;
export const agencyRow = async (t: TestApp, id: string) => (await t.ctx.db.select().from(agencies).where(eq(agencies.id, id)))[0];
export const auditOf = (t: TestApp, agencyId: string, action: string) => t.ctx.db.select().from(auditLog).where(and(eq(auditLog.agencyId, agencyId), eq(auditLog.action, action)));
export const auditCount = async (t: TestApp, agencyId: string) => (await t.ctx.db.select({ n: count() }).from(auditLog).where(eq(auditLog.agencyId, agencyId)))[0].n;

/** Everything a refused upload must leave as it was. */
export async function snapshot(t: TestApp, agencyId: string, column: 'agreementFileId' | 'logoFileId') {
  const a = await agencyRow(t, agencyId);
  return { files: await fileCount(t), fileId: a[column], updatedAt: a.updatedAt.toISOString(), audit: await auditCount(t, agencyId) };
}
