/**
 * Sites and agencies as access sees them: ids in memberships, devices and pairings, checked and
 * named through ctx.scopes (the catalogue answers; see platform/scopes for why access may not
 * import it).
 */
import type { Membership } from '../../platform/authz';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import type { KnownScopes } from '../../platform/scopes';

const idsOf = (list: ReadonlyArray<string | null | undefined>) => [...new Set(list.filter((id): id is string => Boolean(id)))];

/** Which of the sites and agencies these memberships name exist. */
export function knownScopes(ctx: AppContext, ms: ReadonlyArray<Pick<Membership, 'siteId' | 'agencyId'>>): Promise<KnownScopes> {
  return ctx.scopes.find(ctx, { siteIds: idsOf(ms.map((m) => m.siteId)), agencyIds: idsOf(ms.map((m) => m.agencyId)) });
}

/** 404 (as every unknown site) when the site does not exist: before an insert would fail on its foreign key. */
export async function assertSiteExists(ctx: AppContext, siteId: string): Promise<void> {
  if (!(await ctx.scopes.find(ctx, { siteIds: [siteId] })).sites.has(siteId)) throw notFound('MPP', 'Site');
}

/** Memberships with the name of their site and the short name of their agency (null: none). */
export async function withScopeNames<M extends Membership>(ctx: AppContext, ms: M[]): Promise<Array<M & { siteName: string | null; agencyName: string | null }>> {
  const known = await knownScopes(ctx, ms);
  return ms.map((m) => ({
    ...m,
    siteName: m.siteId ? (known.sites.get(m.siteId)?.name ?? null) : null,
    agencyName: m.agencyId ? (known.agencies.get(m.agencyId)?.shortName ?? null) : null,
  }));
}

/** Staff rows whose memberships carry their agency's short name (for lists and search). */
export async function withAgencyNames<R extends { memberships: Membership[] }>(ctx: AppContext, rows: R[]): Promise<Array<Omit<R, 'memberships'> & { memberships: Array<Membership & { agencyName: string | null }> }>> {
  const known = await knownScopes(ctx, rows.flatMap((r) => r.memberships));
  return rows.map((r) => ({ ...r, memberships: r.memberships.map((m) => ({ ...m, agencyName: m.agencyId ? (known.agencies.get(m.agencyId)?.shortName ?? null) : null })) }));
}
