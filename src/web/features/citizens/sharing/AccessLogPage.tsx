import { Box, Button, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { useLang } from '../../../i18n';
import { formatDateTimeShort } from '../../../lib/format';
import { useAccessLog } from '../api';
import '../i18n';
import type { AccessLogEntry } from '../types';

const ROLES = ['officer', 'agency_admin', 'site_admin', 'platform_admin', 'auditor'] as const;
const roleKey = (r: string | null) => (ROLES as readonly string[]).includes(r ?? '') ? (r as (typeof ROLES)[number]) : 'other';

/** /akun/akses: who read the citizen's data, when, what and for which purpose; newest first, a page at a time. */
export default function AccessLogPage() {
  const { t } = useTranslation('citizens');
  const lang = useLang();
  usePageTitle(t('access.title'));
  const log = useAccessLog();
  const rows: AccessLogEntry[] = log.data?.pages.flat() ?? [];
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('access.title')}
        </Title>
        <Text c="dimmed">{t('access.intro')}</Text>
      </Stack>
      {log.isPending ? (
        <Skeleton h={160} />
      ) : log.isError ? (
        <QueryError error={log.error} onRetry={() => void log.refetch()} />
      ) : rows.length === 0 ? (
        <Text data-testid="access-empty">{t('access.empty')}</Text>
      ) : (
        // A region of its own that takes focus, so the keyboard can scroll it sideways on a phone.
        <Box role="region" aria-label={t('access.title')} tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table striped verticalSpacing="xs" miw={560} data-testid="access-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('access.when')}</Table.Th>
                <Table.Th scope="col">{t('access.who')}</Table.Th>
                <Table.Th scope="col">{t('access.what')}</Table.Th>
                <Table.Th scope="col">{t('access.purpose')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.seq} data-testid="access-row" data-action={r.action}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTimeShort(r.at, lang)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {r.agency?.name ?? t('access.unknownAgency')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`access.role.${roleKey(r.role)}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={r.action === 'read_refused' ? 'red.9' : undefined}>
                      {t(`access.action.${r.action}`)}
                    </Text>
                    {r.documentName && <Text size="xs">{r.documentName}</Text>}
                  </Table.Td>
                  <Table.Td>{r.purpose ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
      {log.hasNextPage && (
        <Button variant="light" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} style={{ alignSelf: 'center' }} data-testid="access-more">
          {t('access.more')}
        </Button>
      )}
    </Stack>
  );
}
