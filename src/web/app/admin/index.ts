/**
 * The staff admin kit shared by every feature's admin pages (catalogue, access, …): page parts,
 * list controls and tables, form parts, the submit hook and the list queries, with their words in
 * the `admin` namespace. Lives outside the features so none of them imports another's pages.
 */
export * from './AdminForm';
export * from './AdminList';
export * from './AdminParts';
export * from './ListControls';
export * from './query';
export * from './useAdminSubmit';
export { useFormErrors } from '../../lib/useFormErrors';
export { NS as ADMIN_NS } from './i18n';
export * from './DateField';
