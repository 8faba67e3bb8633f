import type { TextsOf } from '../../../../i18n/texts';
import type { id } from './settings.id';

export const en: TextsOf<typeof id> = {
  settings: {
    intro: 'What the public page says about this MPP: address, contacts and the service pledge.',
    identity: 'Identity',
    name: 'MPP name',
    slug: 'Page address (slug)',
    slugHint: 'Used in /mpp/<slug>; changing it breaks old links.',
    platformOnly: 'Only a platform admin can change this.',
    timeZone: 'Time zone',
    status: 'Status',
    statuses: { preparation: 'Preparation', trial: 'Trial', operating: 'Operating', closed: 'Closed' },
    description: 'Note for citizens',
    descriptionHint: 'e.g. directions, parking, accessibility.',
    viewPublic: 'View the public MPP page',
    location: 'Location',
    regency: 'Regency/city',
    province: 'Province',
    latitude: 'Latitude',
    longitude: 'Longitude',
    bothCoordinates: 'Give latitude and longitude together.',
    checkMap: 'Check the point on OpenStreetMap',
    maklumatLabel: 'Text of the service pledge',
    maklumatHint: 'The signed pledge of the operator, shown as written (line breaks kept).',
    saved: 'MPP settings saved.',
  },
};
