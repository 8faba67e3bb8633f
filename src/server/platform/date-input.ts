/**
 * The date and instant schemas every contract uses now live in src/contracts/common.ts (shared
 * with the web); re-exported here for the server code that imported them from the platform.
 */
export { calendarDate, instantOrDate, isoInstant } from '../../contracts/common';
