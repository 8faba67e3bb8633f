import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Membership } from './types';

/** A staff member's roles with the site and agency each applies to. */
export function MembershipList({ memberships }: { memberships: Membership[] }) {
  const { t } = useTranslation();
  if (memberships.length === 0) return <Text c="dimmed">{t('dashboard.noRoles')}</Text>;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="sm" data-testid="memberships">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('profile.role')}</Table.Th>
            <Table.Th scope="col">{t('profile.site')}</Table.Th>
            <Table.Th scope="col">{t('profile.agency')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {memberships.map((m, i) => (
            <Table.Tr key={`${m.role}-${m.siteId}-${m.agencyId}-${i}`}>
              <Table.Td>
                <Badge variant="light">{t(`roles.${m.role}`)}</Badge>
              </Table.Td>
              <Table.Td>{m.siteId === null ? t('common.platformWide') : (m.siteName ?? m.siteId)}</Table.Td>
              <Table.Td>{m.agencyId === null ? t('common.none') : (m.agencyName ?? m.agencyId)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
