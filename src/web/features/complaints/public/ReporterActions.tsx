import { Button, Card, FileButton, Group, Stack, Textarea, Title } from '@mantine/core';
import { IconCheck, IconPaperclip, IconRotate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../../app/admin/AdminParts';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { useReporterActions } from '../api';
import '../i18n';
import { MESSAGE_MAX, type PublicComplaint } from '../types';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_MB, checkAttachments } from './attachments';

/** Long labels wrap on a narrow phone instead of running off the button. */
const WRAP = { root: { height: 'auto', minHeight: 44, paddingBlock: 8 }, label: { whiteSpace: 'normal' as const } };

/**
 * What the reporter may do with the code: reply while the complaint is open, add a file, confirm
 * the response (closes it), or reopen it once with a reason. The last two ask first.
 */
export function ReporterActions({ c, code }: { c: PublicComplaint; code: string }) {
  const { t } = useTranslation('complaints');
  const a = useReporterActions(code, c.id);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [confirmNode, confirm] = useConfirm();

  if (!c.canReply && !c.canConfirm && !c.canReopen) return null;

  const attach = (file: File | null) => {
    if (!file) return;
    const problem = checkAttachments([file]);
    if (problem && problem.key !== 'tooMany') return notifyError(new Error(t(`form.${problem.key}`, { name: problem.name, size: ATTACHMENT_MAX_MB })));
    a.attach.mutate(file, { onSuccess: () => notifySuccess(t('track.attached')) });
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="track-actions">
      {confirmNode}
      <Stack gap="md">
        <Title order={2} size="h4" id="track-actions">
          {t('track.actions')}
        </Title>
        {c.canReply && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!text.trim()) return;
              a.reply.mutate(text.trim(), { onSuccess: () => { setText(''); notifySuccess(t('track.sent')); } });
            }}
          >
            <Stack gap="xs">
              <Textarea label={t('track.replyLabel')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} maxLength={MESSAGE_MAX} required data-testid="track-reply-text" />
              <Group gap="sm">
                <Button type="submit" loading={a.reply.isPending} disabled={!text.trim()} data-testid="track-reply-send">
                  {t('track.send')}
                </Button>
                <FileButton onChange={attach} accept={ATTACHMENT_ACCEPT}>
                  {(props) => (
                    <Button {...props} variant="default" leftSection={<IconPaperclip size={16} aria-hidden="true" />} loading={a.attach.isPending}>
                      {t('track.attach')}
                    </Button>
                  )}
                </FileButton>
              </Group>
            </Stack>
          </form>
        )}
        {c.canConfirm && (
          <div>
            <Button
              color="green"
              fullWidth
              styles={WRAP}
              leftSection={<IconCheck size={16} aria-hidden="true" />}
              loading={a.confirm.isPending}
              data-testid="track-confirm"
              onClick={async () => {
                if (await confirm({ title: t('track.confirmTitle'), message: t('track.confirmMessage'), confirmLabel: t('track.confirm') })) a.confirm.mutate(undefined, { onSuccess: () => notifySuccess(t('track.confirmed')) });
              }}
            >
              {t('track.confirm')}
            </Button>
          </div>
        )}
        {c.canReopen && (
          <Stack gap="xs">
            <Textarea label={t('track.reopenReason')} description={t('track.reopenHint')} value={reason} onChange={(e) => { setReason(e.currentTarget.value); setReasonError(null); }} error={reasonError} autosize minRows={2} maxLength={MESSAGE_MAX} data-testid="track-reopen-reason" />
            <div>
              <Button
                variant="light"
                color="orange"
                styles={WRAP}
                leftSection={<IconRotate size={16} aria-hidden="true" />}
                loading={a.reopen.isPending}
                data-testid="track-reopen"
                onClick={async () => {
                  if (reason.trim().length < 5) return setReasonError(t('track.reopenHint'));
                  if (await confirm({ title: t('track.reopenTitle'), message: t('track.reopenMessage'), confirmLabel: t('track.reopen') })) a.reopen.mutate(reason.trim(), { onSuccess: () => { setReason(''); notifySuccess(t('track.reopened')); } });
                }}
              >
                {t('track.reopen')}
              </Button>
            </div>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
