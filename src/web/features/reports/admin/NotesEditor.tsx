import { Button, Card, Group, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../../../app/admin';
import { QueryError } from '../../../app/QueryError';
import { useLang } from '../../../i18n';
import { fieldErrors, notifySuccess, problemMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useNotes, useSaveNotes } from '../api';

const MAX = 10_000;

/** The operator's notes of a month, printed in its report; the site's managers write them. */
export function NotesEditor({ siteId, month, editable, timeZone }: { siteId: string; month: string; editable: boolean; timeZone: string }) {
  const { t } = useTranslation('reports');
  const lang = useLang();
  const notes = useNotes(siteId, month);
  const save = useSaveNotes(siteId, month);
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    // A new month (or a fresh load) replaces what is typed; a save keeps it.
    if (notes.data) setText(notes.data.notes);
  }, [notes.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text === null) return;
    save.mutate({ notes: text }, { onSuccess: () => notifySuccess(t('monthly.notesSaved')) });
  };
  const error = save.error ? (fieldErrors(save.error, lang).notes ?? problemMessage(save.error, lang)) : undefined;
  return (
    <Card withBorder component="form" onSubmit={submit} data-testid="monthly-notes">
      <Title order={3} size="h4">{t('monthly.notes')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{editable ? t('monthly.notesHint') : t('monthly.notesReadOnly')}</Text>
      {notes.error ? <QueryError error={notes.error} onRetry={() => void notes.refetch()} /> : null}
      {text === null ? (
        notes.error ? null : <TableSkeleton rows={2} />
      ) : (
        <>
          <Textarea
            label={t('monthly.notes')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={4}
            maxRows={14}
            maxLength={MAX}
            readOnly={!editable}
            error={error}
            description={`${text.length.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID')} / ${MAX.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID')}`}
            data-testid="monthly-notes-text"
          />
          <Group justify="space-between" mt="sm">
            <Text size="xs" c="dimmed">{notes.data?.updatedAt ? t('monthly.notesUpdated', { when: formatDateTime(notes.data.updatedAt, lang, timeZone) }) : ''}</Text>
            {editable && (
              <Button type="submit" loading={save.isPending} disabled={text === notes.data?.notes} data-testid="monthly-notes-save">{t('monthly.notesSave')}</Button>
            )}
          </Group>
        </>
      )}
    </Card>
  );
}
