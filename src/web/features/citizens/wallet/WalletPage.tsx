import { Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileText, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../../app/admin/AdminParts';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { useLang } from '../../../i18n';
import { notifySuccess } from '../../../lib/errors';
import { formatDateTimeShort } from '../../../lib/format';
import { P, useDeleteDocument, useDocuments } from '../api';
import { DocumentStatusBadge } from '../components/DocumentStatus';
import { formatBytes } from '../format';
import '../i18n';
import type { CitizenDocument } from '../types';
import { UploadCard } from './UploadCard';

/** /akun/berkas: the document wallet. */
export default function WalletPage() {
  const { t } = useTranslation('citizens');
  usePageTitle(t('wallet.title'));
  const docs = useDocuments();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('wallet.title')}
        </Title>
        <Text c="dimmed">{t('wallet.intro')}</Text>
      </Stack>
      <UploadCard />
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('wallet.list')}
        </Title>
        {docs.isPending ? (
          <Skeleton h={120} />
        ) : docs.isError ? (
          <QueryError error={docs.error} onRetry={() => void docs.refetch()} />
        ) : docs.data.length === 0 ? (
          <Text data-testid="wallet-empty">{t('wallet.empty')}</Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="wallet">
            {docs.data.map((d) => (
              <DocumentRow key={d.id} doc={d} />
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}

function DocumentRow({ doc }: { doc: CitizenDocument }) {
  const { t } = useTranslation('citizens');
  const lang = useLang();
  const remove = useDeleteDocument();
  const [dialog, confirm] = useConfirm();
  const ask = async () => {
    if (await confirm({ title: t('wallet.deleteTitle'), message: t('wallet.deleteBody', { name: doc.name }), confirmLabel: t('wallet.deleteConfirm'), danger: true })) remove.mutate(doc.id, { onSuccess: () => notifySuccess(t('wallet.deleted')) });
  };
  const by = doc.verifiedBy?.agency.name;
  return (
    <Card component="li" withBorder padding="sm" data-testid="wallet-document" data-name={doc.name}>
      {dialog}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconFileText size={24} aria-hidden="true" />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600}>{doc.name}</Text>
              <DocumentStatusBadge status={doc.status} />
            </Group>
            <Text size="xs" c="dimmed" truncate>
              {doc.file ? `${doc.file.filename} · ${formatBytes(doc.file.sizeBytes, lang)} · ` : ''}
              {t('wallet.uploadedAt', { when: formatDateTimeShort(doc.uploadedAt, lang) })}
            </Text>
            {by && <Text size="xs">{doc.status === 'issued' ? t('wallet.issuedBy', { agency: by }) : t('wallet.verifiedBy', { agency: by })}</Text>}
            {doc.rejection && (
              <Text size="xs" c="red.9">
                {t('wallet.rejectedBy', { agency: doc.rejection.agency.name, reason: doc.rejection.reason })}
              </Text>
            )}
          </Stack>
        </Group>
        <Group gap="xs">
          {doc.file && (
            <Button component="a" href={P.content(doc.id)} download={doc.file.filename} size="compact-sm" variant="light" leftSection={<IconDownload size={14} aria-hidden="true" />} aria-label={`${t('wallet.download')} ${doc.name}`}>
              {t('wallet.download')}
            </Button>
          )}
          <Button size="compact-sm" variant="light" color="red.9" leftSection={<IconTrash size={14} aria-hidden="true" />} onClick={() => void ask()} loading={remove.isPending} aria-label={`${t('wallet.delete')} ${doc.name}`} data-testid="document-delete">
            {t('wallet.delete')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
