import { registerTexts } from '../../../../i18n';
import { NS } from '../../i18n';
import { en } from './en';
import { id } from './id';

export { en, id };

// Added to the `queue` namespace when the floor page's chunk loads.
registerTexts(NS, { id, en });
