import { registerTexts } from '../../../i18n';
import { en } from './en';
import { id } from './id';

export const NS = 'reports';
export { en, id };

// Deep-merged over the navbar labels registered up front (../navLabel.ts).
registerTexts(NS, { id, en });
