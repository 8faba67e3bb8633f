import { Badge, Button, Card, FileButton, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatDateTimeShort, formatNumber } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { download, P, useStaffActions } from '../api';
import '../i18n';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_MB, checkAttachments } from '../public/attachments';
import type { ComplaintDetail, Visibility } from '../types';

/** Photos and letters of the complaint; downloads are audited by the server, names neutral for confidential ones. */
export function FilesCard({ c, zone }: { c: ComplaintDetail; zone?: string }) {
  const { t } = useTranslation('complaints');
  const lang = useLang();
  const { attach } = useStaffActions(c.id);
  const choices: Visibility[] = ['public', 'staff', ...(c.role === 'desk' ? (['desk'] as const) : [])];
  const [visibility, setVisibility] = useState<Visibility>('staff');
  const upload = (file: File | null) => {
    if (!file) return;
    const problem = checkAttachments([file]);
    if (problem && problem.key !== 'tooMany') return notifyError(new Error(t(`form.${problem.key}`, { name: problem.name, size: ATTACHMENT_MAX_MB })));
    attach.mutate({ file, visibility }, { onSuccess: () => notifySuccess(t('files.uploaded')) });
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="complaint-files">
      <Stack gap="sm">
        <Title order={2} size="h4" id="complaint-files">
          {t('files.title')}
        </Title>
        {c.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('files.empty')}
          </Text>
        ) : (
          c.attachments.map((a) => (
            <Group key={a.id} gap="xs" wrap="nowrap">
              <IconPaperclip size={16} aria-hidden="true" />
              <Button variant="subtle" size="compact-sm" onClick={() => void download(P.attachment(c.id, a.id), a.filename).catch(notifyError)} aria-label={t('files.download', { name: a.filename })}>
                {a.filename}
              </Button>
              <Text size="xs" c="dimmed">
                {t('files.size', { size: formatNumber(Math.max(1, Math.round(a.sizeBytes / 1024)), lang) })} · {t(`from.${a.from}`)} · {formatDateTimeShort(a.at, lang, zone)}
              </Text>
              {a.visibility !== 'public' && (
                <Badge size="xs" variant="light" color="yellow">
                  {t(`messages.badge.${a.visibility}`)}
                </Badge>
              )}
            </Group>
          ))
        )}
        {c.role !== 'auditor' && (
          <Group align="flex-end" gap="xs">
            <NativeSelect label={t('files.visibility')} value={visibility} onChange={(e) => setVisibility(e.currentTarget.value as Visibility)} data={choices.map((v) => ({ value: v, label: t(`messages.vis.${v}`) }))} w={280} />
            <FileButton onChange={upload} accept={ATTACHMENT_ACCEPT}>
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden="true" />} loading={attach.isPending}>
                  {t('files.add')}
                </Button>
              )}
            </FileButton>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
