import { Badge, Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatDateTimeShort } from '../../../lib/format';
import { notifySuccess } from '../../../lib/errors';
import { useStaffActions } from '../api';
import '../i18n';
import { MESSAGE_MAX, type ComplaintDetail, type Visibility } from '../types';

const OPEN = ['submitted', 'verified', 'responded'];
const COLOR: Record<Visibility, string> = { public: 'blue', staff: 'yellow', desk: 'violet' };

/**
 * The conversation with the reporter (public replies) and the staff's notes: internal notes are
 * never shown to the reporter, desk notes never to the agency either (the server filters them).
 */
export function MessagesCard({ c, zone }: { c: ComplaintDetail; zone?: string }) {
  const { t } = useTranslation('complaints');
  const lang = useLang();
  const { message } = useStaffActions(c.id);
  const canWrite = c.role !== 'auditor';
  const choices: Visibility[] = [...(OPEN.includes(c.status) ? (['public'] as const) : []), 'staff', ...(c.role === 'desk' ? (['desk'] as const) : [])];
  const [visibility, setVisibility] = useState<Visibility>(choices[0]);
  const [text, setText] = useState('');
  const shown = choices.includes(visibility) ? visibility : choices[0];

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="complaint-messages">
      <Stack gap="sm">
        <Title order={2} size="h4" id="complaint-messages">
          {t('messages.title')}
        </Title>
        {c.messages.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('messages.empty')}
          </Text>
        ) : (
          c.messages.map((m) => (
            <Stack key={m.id} gap={4} p="sm" style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)', background: m.visibility === 'public' ? undefined : 'var(--mantine-color-yellow-0)' }} data-testid="complaint-message" data-visibility={m.visibility}>
              <Group gap="xs">
                <Badge size="sm" variant="light" color={COLOR[m.visibility]}>
                  {t(`messages.badge.${m.visibility}`)}
                </Badge>
                <Text size="xs" fw={600}>
                  {m.by ? t('messages.by', { from: t(`from.${m.from}`), by: m.by }) : t(`from.${m.from}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTimeShort(m.at, lang, zone)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {m.text}
              </Text>
            </Stack>
          ))
        )}
        {canWrite && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!text.trim()) return;
              message.mutate({ text: text.trim(), visibility: shown }, { onSuccess: () => { setText(''); notifySuccess(t('messages.sent')); } });
            }}
          >
            <Stack gap="xs">
              <Textarea label={t('messages.compose')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={MESSAGE_MAX} data-testid="complaint-message-text" />
              <Group align="flex-end" gap="xs">
                <NativeSelect label={t('messages.visibility')} value={shown} onChange={(e) => setVisibility(e.currentTarget.value as Visibility)} data={choices.map((v) => ({ value: v, label: t(`messages.vis.${v}`) }))} w={280} data-testid="complaint-message-visibility" />
                <Button type="submit" loading={message.isPending} disabled={!text.trim()} data-testid="complaint-message-send">
                  {t('messages.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
