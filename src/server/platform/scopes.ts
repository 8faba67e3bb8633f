import type { AppContext } from './context';

/**
 * The places roles are held in: sites and agencies. They belong to the catalogue; access keeps
 * memberships, devices and pairings by their ids and asks through this port whether they exist
 * and what they are called. Access sits below the catalogue in the module graph (the catalogue's
 * counters ask access for their officers, every module's routes ask it for the caller), so it may
 * not import the catalogue: buildApp wires the catalogue's answer into AppContext.scopes.
 */
export interface ScopeDirectory {
  /** The sites and agencies of these ids that exist; unknown ids are left out. */
  find(ctx: AppContext, ids: { siteIds?: readonly string[]; agencyIds?: readonly string[] }): Promise<KnownScopes>;
}

export interface KnownScopes {
  sites: Map<string, { name: string }>;
  agencies: Map<string, { siteId: string; shortName: string }>;
}
