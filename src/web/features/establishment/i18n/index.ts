import { registerTexts } from '../../../i18n';
import { en } from './en';
import { id } from './id';

export const NS = 'establishment';
export { en, id };

// Deep-merged over what may already be there (the navbar label, see ../navLabel.ts).
registerTexts(NS, { id, en });
