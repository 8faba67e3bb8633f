/** Who may manage what in the catalogue: the checks every catalogue use case starts with. */
import { agencyScope, authorize, type Actor } from '../../platform/authz';
import { appError } from '../../platform/errors';

/** Whole-site catalogue work (agencies, counters, import): site_admin or platform_admin. */
export function authorizeSiteCatalog(actor: Actor, siteId: string): void {
  authorize(actor, 'catalog.manage', { siteId, agencyId: null });
}

/** One agency's catalogue (its services, hours, counters' services): also its agency_admin. */
export function authorizeAgencyCatalog(actor: Actor, siteId: string, agencyId: string): void {
  authorize(actor, 'catalog.manage', { siteId, agencyId });
}

/** For admin listings: every agency of the site, or the agencies the actor manages. */
export function catalogListScope(actor: Actor, siteId: string): { all: true } | { all: false; agencyIds: string[] } {
  if (actor.kind === 'anonymous') throw appError('auth.unauthenticated');
  const scope = agencyScope(actor, 'catalog.manage', siteId);
  if (!scope) throw appError('auth.forbidden');
  return scope;
}

export const inScope = (scope: { all: true } | { all: false; agencyIds: string[] }, agencyId: string) => scope.all || scope.agencyIds.includes(agencyId);
