/**
 * Who may use the province view: platform admins change it (`platform.manage`), auditors read it
 * (`province.read`), both only with a membership that covers every site (site_id null): a site's
 * own admin, an agency admin or an officer gets 403, nobody signed in 401.
 */
import { authorize, type Actor } from '../../platform/authz';

/** The whole platform: only memberships without a site cover it. */
const PLATFORM = { siteId: null };

export const authorizeProvinceRead = (actor: Actor) => authorize(actor, 'province.read', PLATFORM);
export const authorizeProvinceChange = (actor: Actor) => authorize(actor, 'platform.manage', PLATFORM);
