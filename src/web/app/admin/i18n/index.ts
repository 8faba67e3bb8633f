import { registerTexts } from '../../../i18n';
import { en } from './en';
import { id } from './id';

export const NS = 'admin';
export { en, id };

registerTexts(NS, { id, en });
