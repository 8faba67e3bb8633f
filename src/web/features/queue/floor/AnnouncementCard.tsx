import { Alert, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, useConfirm, useFormErrors } from '../../../app/admin';
import { useLang } from '../../../i18n';
import { notifySuccess } from '../../../lib/errors';
import { formatClock } from '../../../lib/format';
import { serverNow } from '../clock';
import type { Announcement } from '../types';
import { useClearAnnouncement, usePostAnnouncement } from './api';

const MAX = 200;
/** How long a new announcement runs: minutes from now, 0 until removed. */
const DURATIONS = [0, 30, 60, 120, 240] as const;
const FIELDS = new Set(['text', 'until']);

/** What runs on the TV now, and (site admins) the form to change or remove it. */
export function AnnouncementCard({ siteId, current, timeZone, canEdit }: { siteId: string; current: Announcement | null; timeZone: string; canEdit: boolean }) {
  const { t } = useTranslation('queue');
  const lang = useLang();
  const post = usePostAnnouncement(siteId);
  const clear = useClearAnnouncement(siteId);
  const form = useFormErrors(post.error, (f) => FIELDS.has(f));
  const [confirmNode, confirm] = useConfirm();
  const [text, setText] = useState('');
  const [duration, setDuration] = useState<string>('0');

  const durationLabel = (m: number) => (m === 0 ? t('floor.announce.untilCleared') : m < 60 ? t('floor.announce.untilMinutes', { minutes: m }) : t('floor.announce.untilHours', { hours: m / 60 }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (!form.check(trimmed ? {} : { text: t('floor.announce.required') })) return;
    const minutes = Number(duration);
    const until = minutes > 0 ? new Date(serverNow() + minutes * 60_000).toISOString() : undefined;
    post.mutate(
      { text: trimmed, ...(until ? { until } : {}) },
      {
        onSuccess: () => {
          setText('');
          notifySuccess(t('floor.announce.posted'));
        },
        onError: () => form.focusError(),
      },
    );
  };
  const remove = async () => {
    if (!current) return;
    const ok = await confirm({ title: t('floor.announce.clearTitle'), message: t('floor.announce.clearMessage', { text: current.text }), confirmLabel: t('floor.announce.clear'), danger: true });
    if (ok) clear.mutate(undefined, { onSuccess: () => notifySuccess(t('floor.announce.cleared')) });
  };

  return (
    <Card withBorder component="section" aria-labelledby="floor-announce">
      {confirmNode}
      <Title order={3} size="h4" id="floor-announce">
        {t('floor.announce.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('floor.announce.hint')}
      </Text>
      {current ? (
        <Alert color="blue" icon={<IconSpeakerphone aria-hidden="true" />} title={t('floor.announce.running')} mb="sm" data-testid="floor-announcement">
          <Stack gap={6}>
            <Text size="sm">{current.text}</Text>
            <Group justify="space-between" gap="xs">
              <Text size="xs" c="dimmed">
                {current.until ? t('floor.announce.runningUntil', { time: formatClock(current.until, lang, timeZone) }) : t('floor.announce.runningNoEnd')}
              </Text>
              {canEdit && (
                <Button size="xs" variant="light" color="red" onClick={() => void remove()} loading={clear.isPending} data-testid="floor-announcement-clear">
                  {t('floor.announce.clear')}
                </Button>
              )}
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Text size="sm" mb="sm" data-testid="floor-announcement-none">
          {t('floor.announce.none')}
        </Text>
      )}
      {canEdit ? (
        <form ref={form.formRef} onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormAlert message={form.server.summary} />
            <Textarea
              label={t('floor.announce.text')}
              placeholder={t('floor.announce.placeholder')}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value.slice(0, MAX));
                form.clear('text');
              }}
              maxLength={MAX}
              autosize
              minRows={2}
              required
              error={form.errors.text}
              description={t('floor.announce.count', { count: text.length })}
              data-testid="floor-announcement-text"
            />
            <Group align="flex-end" justify="space-between">
              <Select
                label={t('floor.announce.until')}
                data={DURATIONS.map((m) => ({ value: String(m), label: durationLabel(m) }))}
                value={duration}
                onChange={(v) => setDuration(v ?? '0')}
                allowDeselect={false}
                error={form.errors.until}
                w={220}
              />
              <Button type="submit" loading={post.isPending} leftSection={<IconSpeakerphone size={16} aria-hidden="true" />} data-testid="floor-announcement-post">
                {t('floor.announce.post')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="xs" c="dimmed">
          {t('floor.announce.onlySiteAdmin')}
        </Text>
      )}
    </Card>
  );
}
