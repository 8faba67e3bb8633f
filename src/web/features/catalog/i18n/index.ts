import { registerTexts } from '../../../i18n';
import { en } from './en';
import { id } from './id';

export const NS = 'catalog';
export { en, id };

/** A tree of texts, for code that walks them (tests of key parity). */
export type Texts = { [key: string]: string | Texts };

registerTexts(NS, { id, en });
