/**
 * What other modules and the composition root may use of access: the one file of access they
 * import (test/architecture.test.ts). Who is calling (every module's routes), the staff a counter
 * shows and checks (catalog), and the users the CLI and the demo seed create.
 */
export { callerOf } from './caller';
export { canServe, staffLookup } from './staff.service';
export { insertDemoUsers, insertUserWithRoles, type NewUser } from './users.service';
export { hashPassword } from './passwords';
export { setDemoLoginsActive } from './access.repository';
export { devicesOfSite, findDeviceOf } from './devices.lookup';
