/**
 * Texts of the catalogue administration, one file per area (`<area>.id.ts`, `<area>.en.ts`), added to
 * the `catalog` namespace beside the public ones (../../i18n) when the admin chunk loads, so a
 * citizen's phone never downloads them. Words every admin page shares are in app/admin/i18n.
 */
import { registerTexts } from '../../../../i18n';
import { NS } from '../../i18n';
import { id as agencyId } from './agency.id';
import { en as agencyEn } from './agency.en';
import { id as serviceId } from './service.id';
import { en as serviceEn } from './service.en';
import { id as counterId } from './counter.id';
import { en as counterEn } from './counter.en';
import { id as documentTypeId } from './documentType.id';
import { en as documentTypeEn } from './documentType.en';
import { id as holidayId } from './holiday.id';
import { en as holidayEn } from './holiday.en';
import { id as settingsId } from './settings.id';
import { en as settingsEn } from './settings.en';
import { id as transferId } from './transfer.id';
import { en as transferEn } from './transfer.en';
import { id as pageId } from './page.id';
import { en as pageEn } from './page.en';

export const id = { ...agencyId, ...serviceId, ...counterId, ...documentTypeId, ...holidayId, ...settingsId, ...transferId, ...pageId };
export const en = { ...agencyEn, ...serviceEn, ...counterEn, ...documentTypeEn, ...holidayEn, ...settingsEn, ...transferEn, ...pageEn };

registerTexts(NS, { id, en });
