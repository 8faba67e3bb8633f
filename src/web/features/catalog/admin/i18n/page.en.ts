import type { TextsOf } from '../../../../i18n/texts';
import type { id } from './page.id';

export const en: TextsOf<typeof id> = {
  tabs: {
    agencies: 'Agencies',
    services: 'Services',
    counters: 'Counters',
    holidays: 'Holidays',
    settings: 'MPP settings',
    staff: 'Staff',
    devices: 'Devices',
    transfer: 'Import/Export',
    documentTypes: 'Document types',
  },
  admin: {
    title: 'Catalogue of {{site}}',
    sections: 'Catalogue sections',
    noSiteTitle: 'No MPP site yet',
    noSite: 'Your account is not linked to an MPP site. Contact the platform admin.',
  },
};
