import { ActionIcon, Alert, Button, Card, FileInput, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconTrash, IconUpload } from '@tabler/icons-react';
import { DateField } from '../../../app/admin';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminSubmit, useConfirm } from '../../../app/admin';
import { useLang } from '../../../i18n';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDate, formatNumber } from '../../../lib/format';
import { download, P, useRemoveDocument, useUploadDocument } from '../api';
import { NS } from '../i18n';
import { STAGE_DAY } from '../stages';
import { kindsOfStage, MPP_STAGES, reached, type MppDocument, type MppDocumentKind, type MppRecord } from '../types';

const MAX_BYTES = 10 * 1024 * 1024;

/** The evidence documents by stage: download (audited), unlink with confirmation, upload for a reached stage. */
export function DocumentsCard({ record, editable }: { record: MppRecord; editable: boolean }) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  const remove = useRemoveDocument(record.regencyCode);
  const [confirmNode, confirm] = useConfirm();
  const name = (d: MppDocument) => d.title || t(`kind.${d.kind as MppDocumentKind}`);

  const onRemove = async (d: MppDocument) => {
    if (!(await confirm({ title: t('doc.removeTitle'), message: t('doc.removeBody'), confirmLabel: t('doc.removeConfirm'), danger: true }))) return;
    remove.mutate(d.id, { onSuccess: () => notifySuccess(t('doc.removed')), onError: (e) => notifyError(e) });
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="documents-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="documents-title">
          {t('record.documents')}
        </Title>
        {record.documents.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('record.documentsEmpty')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="documents-list">
            {record.documents.map((d) => (
              <Group key={d.id} component="li" justify="space-between" wrap="nowrap" gap="xs" data-kind={d.kind}>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} truncate>
                    {name(d)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[t(`stage.${d.stage}`), d.agencyName, d.documentDate ? formatDate(d.documentDate, lang, STAGE_DAY) : null, d.filename, t('doc.size', { size: formatNumber(Math.max(1, Math.round(d.sizeBytes / 1024)), lang) })].filter(Boolean).join(' · ')}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="subtle" size="lg" aria-label={t('doc.downloadAria', { name: name(d) })} onClick={() => void download(P.documentContent(record.regencyCode, d.id), d.filename).catch(notifyError)}>
                    <IconDownload size={18} aria-hidden="true" />
                  </ActionIcon>
                  {editable && (
                    <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('doc.removeAria', { name: name(d) })} onClick={() => void onRemove(d)}>
                      <IconTrash size={18} aria-hidden="true" />
                    </ActionIcon>
                  )}
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        {editable && <UploadForm record={record} />}
      </Stack>
      {confirmNode}
    </Card>
  );
}

function UploadForm({ record }: { record: MppRecord }) {
  const { t } = useTranslation(NS);
  const upload = useUploadDocument(record.regencyCode);
  const form = useAdminSubmit(upload, (f) => ['agencyName', 'title', 'documentDate', 'file'].includes(f) || f.startsWith('querystring'));
  const kinds = MPP_STAGES.filter((s) => s !== 'none' && reached(record.stage, s)).flatMap(kindsOfStage);
  const [kind, setKind] = useState<MppDocumentKind | null>(kinds.at(-1) ?? null);
  const [title, setTitle] = useState('');
  const [agencyName, setAgencyName] = useState('');
  const [documentDate, setDocumentDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  if (kinds.length === 0) return null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!file) found.file = t('doc.fileMissing');
    else if (file.size > MAX_BYTES) found.file = t('doc.tooLarge');
    if (kind === 'pks' && !agencyName.trim()) found.agencyName = t('doc.agency');
    form.submit(found, { kind: kind!, file: file!, title: title.trim(), agencyName: agencyName.trim(), documentDate }, {
      success: () => t('doc.uploaded'),
      onSaved: () => (setFile(null), setTitle(''), setAgencyName('')),
    });
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="document-upload">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('doc.upload')}
        </Title>
        {form.server.summary && <Alert color="red">{form.server.summary}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('doc.kind')} data={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} value={kind} onChange={(v) => setKind(v as MppDocumentKind)} allowDeselect={false} />
          {kind === 'pks' && <TextInput label={t('doc.agency')} value={agencyName} onChange={(e) => setAgencyName(e.currentTarget.value)} error={form.errors.agencyName ?? form.errors['querystring.agencyName']} maxLength={200} required />}
          <TextInput label={t('doc.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} />
          <DateField label={t('doc.date')} value={documentDate} onChange={setDocumentDate} />
          <FileInput label={t('doc.file')} accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" value={file} onChange={setFile} clearable leftSection={<IconUpload size={16} aria-hidden="true" />} error={form.errors.file} required />
        </SimpleGrid>
        <Button type="submit" variant="light" loading={form.pending} w="fit-content" leftSection={<IconUpload size={16} aria-hidden="true" />}>
          {t('doc.upload')}
        </Button>
      </Stack>
    </form>
  );
}
