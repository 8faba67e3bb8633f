import { Alert, Button, FileInput, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { DateField } from '../../../app/admin';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminSubmit } from '../../../app/admin';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useLang } from '../../../i18n';
import { useChangeStage, useUploadDocument } from '../api';
import { NS } from '../i18n';
import { kindsOfStage, type MppDocumentKind, type MppRecord, type MppStage } from '../types';

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Moving the MPP one stage: forward with the date reached, a note and optionally the evidence
 * document of the new stage (uploaded right after the stage changes); back with a required reason.
 */
export function StageDialog({ record, to, direction, onClose }: { record: MppRecord; to: MppStage; direction: 'advance' | 'back'; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  const change = useChangeStage(record.regencyCode);
  const upload = useUploadDocument(record.regencyCode);
  const form = useAdminSubmit(change, (f) => ['date', 'note', 'reason'].includes(f));
  const kinds = kindsOfStage(to);
  const [date, setDate] = useState(record.today);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [kind, setKind] = useState<MppDocumentKind | null>(kinds[0] ?? null);
  const [agencyName, setAgencyName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const stageName = t(`stage.${to}`);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!date) found.date = t('stageDialog.date');
    if (direction === 'back' && !reason.trim()) found.reason = t('stageDialog.reasonHint');
    if (file && file.size > MAX_BYTES) found.file = t('doc.tooLarge');
    if (file && kind === 'pks' && !agencyName.trim()) found.agencyName = t('doc.agency');
    form.submit(found, { stage: to, date, note: note.trim() || undefined, reason: direction === 'back' ? reason.trim() : undefined }, {
      onSaved: async () => {
        if (file && kind && direction === 'advance') {
          setUploading(true);
          try {
            await upload.mutateAsync({ kind, file, agencyName: agencyName.trim() || undefined, documentDate: date });
          } catch (err) {
            notifyError(err, t('stageDialog.uploadFailed'));
          } finally {
            setUploading(false);
          }
        }
        notifySuccess(t('stageDialog.done', { name: record.regencyName, stage: stageName }));
        onClose();
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={t(direction === 'advance' ? 'stageDialog.advanceTitle' : 'stageDialog.backTitle', { stage: stageName })} centered size="lg">
      <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="stage-dialog">
        <Stack gap="md">
          {form.server.summary && <Alert color="red">{form.server.summary}</Alert>}
          <DateField
            label={t(direction === 'advance' ? 'stageDialog.date' : 'stageDialog.backDate')}
            description={record.stageSince ? t('stageDialog.dateHint', { date: formatDate(record.stageSince, lang) }) : undefined}
            value={date}
            // No calendar bounds: a date out of order is the server's to refuse, naming the rule.
            onChange={setDate}
            error={form.errors.date}
            required
            data-testid="stage-date"
          />
          {direction === 'back' ? (
            <Textarea label={t('stageDialog.reason')} description={t('stageDialog.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={form.errors.reason} required autosize minRows={2} maxLength={2000} data-testid="stage-reason" />
          ) : (
            <Textarea label={t('stageDialog.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={form.errors.note} autosize minRows={2} maxLength={2000} data-testid="stage-note" />
          )}
          {direction === 'advance' && kinds.length > 0 && (
            <Stack gap="xs">
              <Select
                label={`${t('stageDialog.document')}: ${t('stageDialog.kind')}`}
                data={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                value={kind}
                onChange={(v) => setKind(v as MppDocumentKind | null)}
                allowDeselect={false}
                data-testid="stage-doc-kind"
              />
              {kind === 'pks' && <TextInput label={t('stageDialog.agency')} value={agencyName} onChange={(e) => setAgencyName(e.currentTarget.value)} error={form.errors.agencyName} maxLength={200} />}
              <FileInput
                label={t('stageDialog.file')}
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                value={file}
                onChange={setFile}
                clearable
                leftSection={<IconUpload size={16} aria-hidden="true" />}
                error={form.errors.file}
                data-testid="stage-doc-file"
              />
            </Stack>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('stageDialog.cancel')}
            </Button>
            <Button type="submit" color={direction === 'back' ? 'orange' : undefined} loading={form.pending || uploading} data-testid="stage-confirm">
              {t(direction === 'advance' ? 'stageDialog.confirmAdvance' : 'stageDialog.confirmBack')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
