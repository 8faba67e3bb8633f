import { Badge, Button, Card, Group, Table, Title } from '@mantine/core';
import { IconArchive, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, TableSkeleton } from '../../../app/admin';
import { QueryError } from '../../../app/QueryError';
import { useLang } from '../../../i18n';
import { notifyError } from '../../../lib/errors';
import { formatDateTime, formatMonth } from '../../../lib/format';
import { downloadKept, useArchive } from '../api';

const FORMATS = ['pdf', 'xlsx'] as const;

/** The monthly reports generated and kept (on the 1st, or by a click), newest first, each downloadable as it was kept. */
export function ArchiveList({ siteId, timeZone, onOpen }: { siteId: string; timeZone: string; onOpen: (month: string) => void }) {
  const { t } = useTranslation('reports');
  const lang = useLang();
  const archive = useArchive(siteId);
  const [busy, setBusy] = useState<string | null>(null);
  const get = async (month: string, format: (typeof FORMATS)[number]) => {
    setBusy(`${month}.${format}`);
    try {
      await downloadKept(siteId, month, format);
    } catch (e) {
      notifyError(e, t('dashboard.exportFailed'));
    } finally {
      setBusy(null);
    }
  };
  const items = [...(archive.data ?? [])].sort((a, b) => b.month.localeCompare(a.month));
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">{t('monthly.archive')}</Title>
      {archive.error ? <QueryError error={archive.error} onRetry={() => void archive.refetch()} /> : null}
      {!archive.data ? (
        archive.error ? null : <TableSkeleton rows={3} />
      ) : items.length === 0 ? (
        <Empty icon={<IconArchive size={28} />} title={t('monthly.archiveEmpty')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="monthly-archive">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('monthly.month')}</Table.Th>
                <Table.Th scope="col">{t('monthly.kind')}</Table.Th>
                <Table.Th scope="col">{t('monthly.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.month} data-month={a.month}>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => onOpen(a.month)}>{formatMonth(a.month, lang)}</Button>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Badge variant="light" color={a.automatic ? 'gray' : 'indigo'}>{a.automatic ? t('monthly.automatic') : t('monthly.manual')}</Badge>
                      {t('monthly.generatedAt', { when: formatDateTime(a.generatedAt, lang, timeZone) })}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {FORMATS.map((f) => (
                        <Button key={f} size="compact-sm" variant="default" leftSection={<IconDownload size={14} />} loading={busy === `${a.month}.${f}`} onClick={() => void get(a.month, f)} aria-label={t('monthly.downloadOf', { format: f.toUpperCase(), month: formatMonth(a.month, lang) })}>
                          {f.toUpperCase()}
                        </Button>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
