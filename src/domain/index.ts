/**
 * Pure domain logic shared by server and web: no I/O, no clock (callers pass "now").
 *
 * Web pages with a size budget (kiosk, display) should import the single module they need
 * (e.g. `domain/ticket-number`) rather than this index: `holidays` pulls in the date-holidays
 * package and its world data (~800 KB), and that package does not declare itself free of side
 * effects, so a bundler may keep it.
 */
export * from './eta';
export * from './holidays';
export * from './ikm';
export * from './nik';
export * from './opening-hours';
export * from './queue-policy';
export * from './slots';
export * from './ticket-number';
export * from './working-days';
