/** The catalogue's contracts live in src/contracts/catalog.ts (shared with the web); kept for old imports. */
export * from '../../../contracts/catalog';
