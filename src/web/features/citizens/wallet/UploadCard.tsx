import { Alert, Button, Card, FileButton, Group, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { IconCamera, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLang } from '../../../i18n';
import { fieldErrors, notifySuccess, problemMessage } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { useDocumentTypes, useUploadDocument } from '../api';
import { formatBytes } from '../format';
import '../i18n';
import { DOCUMENT_MAX_BYTES, DOCUMENT_MEDIA_TYPES } from '../types';

const ACCEPT = [...DOCUMENT_MEDIA_TYPES, '.pdf', '.jpg', '.jpeg', '.png'].join(',');

/**
 * Upload one requirement document: its type, then a file or a photo from the phone's camera
 * (`capture`); progress while it goes up. The server checks the content (not the name), the size,
 * and that the type exists; its answer is shown on the field it names.
 */
export function UploadCard() {
  const { t } = useTranslation('citizens');
  const lang = useLang();
  const [params] = useSearchParams();
  const types = useDocumentTypes();
  const upload = useUploadDocument();
  const [typeId, setTypeId] = useState<string | null>(params.get('type'));
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<{ type?: string; file?: string }>({});
  const max = formatBytes(DOCUMENT_MAX_BYTES, lang);

  const pick = (f: File | null) => {
    setFile(f);
    upload.reset();
    setLocal((l) => ({ ...l, file: f && f.size > DOCUMENT_MAX_BYTES ? t('wallet.tooLarge', { max }) : undefined }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = { type: typeId ? undefined : t('wallet.needType'), file: !file ? t('wallet.needFile') : file.size > DOCUMENT_MAX_BYTES ? t('wallet.tooLarge', { max }) : undefined };
    setLocal(found);
    if (found.type || found.file || !typeId || !file) return;
    upload.mutate({ documentTypeId: typeId, file }, { onSuccess: () => (notifySuccess(t('wallet.uploaded')), setFile(null)) });
  };

  const server = upload.isError ? fieldErrors(upload.error) : {};
  const typeError = local.type ?? server['body.documentTypeId'];
  const fileError = local.file ?? server.file;
  const summary = upload.isError && !server['body.documentTypeId'] && !server.file ? problemMessage(upload.error) : null;

  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate aria-labelledby="upload-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="upload-title">
          {t('wallet.upload')}
        </Title>
        <Select
          label={t('wallet.type')}
          placeholder={t('wallet.typePlaceholder')}
          data={(types.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={typeId}
          onChange={(v) => (setTypeId(v), setLocal((l) => ({ ...l, type: undefined })))}
          searchable
          required
          error={typeError}
          disabled={types.isPending}
          data-testid="upload-type"
        />
        <Stack gap={6}>
          <Text size="sm" fw={500} id="upload-file-label">
            {t('wallet.file')}
          </Text>
          <Group gap="xs">
            <FileButton onChange={pick} accept={ACCEPT} inputProps={{ 'aria-labelledby': 'upload-file-label', 'data-testid': 'upload-file' } as never}>
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconFileUpload size={16} aria-hidden="true" />}>
                  {t('wallet.chooseFile')}
                </Button>
              )}
            </FileButton>
            <FileButton onChange={pick} accept="image/*" capture="environment" inputProps={{ 'aria-label': t('wallet.camera') }}>
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconCamera size={16} aria-hidden="true" />}>
                  {t('wallet.camera')}
                </Button>
              )}
            </FileButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t('wallet.fileHint', { max })}
          </Text>
          {file && (
            <Text size="sm" data-testid="upload-chosen">
              {t('wallet.chosen', { name: file.name, size: formatBytes(file.size, lang) })}
            </Text>
          )}
          {fileError && (
            <Text size="sm" c="red.9" role="alert" data-testid="upload-file-error">
              {fileError}
            </Text>
          )}
        </Stack>
        {upload.isPending && (
          <Stack gap={4} aria-live="polite">
            <Progress value={upload.progress * 100} animated aria-label={t('wallet.uploading', { percent: formatNumber(Math.round(upload.progress * 100), lang) })} data-testid="upload-progress" />
            <Text size="xs">{t('wallet.uploading', { percent: formatNumber(Math.round(upload.progress * 100), lang) })}</Text>
          </Stack>
        )}
        {summary && (
          <Alert color="red" role="alert">
            {summary}
          </Alert>
        )}
        <Group>
          <Button type="submit" leftSection={<IconUpload size={16} aria-hidden="true" />} loading={upload.isPending} data-testid="upload-submit">
            {t('wallet.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
