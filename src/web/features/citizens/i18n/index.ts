import { registerTexts } from '../../../i18n';
import { en } from './en';
import { id } from './id';

export const NS = 'citizens';
export { en, id };

// Deep-merged over the navbar label registered up front (../navLabel.ts).
registerTexts(NS, { id, en });
