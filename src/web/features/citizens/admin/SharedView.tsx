import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconEye, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { fieldErrors, notifySuccess, problemMessage } from '../../../lib/errors';
import { formatDateTimeShort } from '../../../lib/format';
import { useReviewShared, useVerifySharedNik } from '../api';
import { DocumentStatusBadge } from '../components/DocumentStatus';
import { formatBytes } from '../format';
import '../i18n';
import type { SharedView as Shared } from '../types';
import { DocumentViewer } from './DocumentViewer';

type Doc = Shared['documents'][number];

/** What a share shows the officer: the citizen, the purpose, and the documents with view / verify / reject. */
export function SharedView({ code, view }: { code: string; view: Shared }) {
  const { t } = useTranslation('citizens');
  const lang = useLang();
  const nik = useVerifySharedNik(code);
  const [viewing, setViewing] = useState<Doc | null>(null);
  const [rejecting, setRejecting] = useState<Doc | null>(null);
  return (
    <Stack gap="md" data-testid="shared-view">
      <Card withBorder padding="md">
        <Stack gap={6}>
          <Title order={3} size="h4">
            {t('officer.citizen')}
          </Title>
          <Group gap="xl">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('officer.name')}
              </Text>
              <Text fw={600} data-testid="shared-name">
                {view.citizen.name ?? t('officer.noName')}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('officer.nik')}
              </Text>
              <Group gap="xs">
                <Text ff="monospace" data-testid="shared-nik">
                  {view.citizen.nik ?? t('officer.noNik')}
                </Text>
                {view.citizen.nik && (
                  <Badge variant={view.citizen.nikVerified ? 'light' : 'outline'} color={view.citizen.nikVerified ? 'teal.9' : 'gray.8'}>
                    {view.citizen.nikVerified ? t('officer.nikVerified') : t('officer.nikDeclared')}
                  </Badge>
                )}
              </Group>
            </Stack>
          </Group>
          {view.citizen.nik && !view.citizen.nikVerified && (
            <Button size="compact-sm" variant="light" style={{ alignSelf: 'flex-start' }} loading={nik.isPending} onClick={() => nik.mutate(undefined, { onSuccess: () => notifySuccess(t('officer.nikConfirmed')) })}>
              {t('officer.verifyNik')}
            </Button>
          )}
          <Text size="sm">
            <Text span c="dimmed">
              {t('officer.purpose')}:{' '}
            </Text>
            {view.purpose} · {view.agency.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t('officer.expires', { when: formatDateTimeShort(view.expiresAt, lang) })}
          </Text>
        </Stack>
      </Card>
      <Title order={3} size="h4">
        {t('officer.documents')}
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {view.documents.map((d) => (
          <SharedDocRow key={d.id} code={code} doc={d} onView={() => setViewing(d)} onReject={() => setRejecting(d)} />
        ))}
      </Stack>
      {viewing && <DocumentViewer code={code} doc={viewing} onClose={() => setViewing(null)} />}
      <RejectDialog code={code} doc={rejecting} onClose={() => setRejecting(null)} />
    </Stack>
  );
}

function SharedDocRow({ code, doc, onView, onReject }: { code: string; doc: Doc; onView: () => void; onReject: () => void }) {
  const { t } = useTranslation('citizens');
  const lang = useLang();
  const review = useReviewShared(code);
  const reviewable = doc.status === 'uploaded' || doc.status === 'rejected';
  return (
    <Card component="li" withBorder padding="sm" data-testid="shared-document" data-name={doc.name}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Text fw={600}>{doc.name}</Text>
          <DocumentStatusBadge status={doc.status} />
          {doc.sizeBytes != null && (
            <Text size="xs" c="dimmed">
              {formatBytes(doc.sizeBytes, lang)}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <Button size="compact-sm" variant="light" leftSection={<IconEye size={14} aria-hidden="true" />} onClick={onView} aria-label={`${t('officer.view')} ${doc.name}`} data-testid="shared-view-document">
            {t('officer.view')}
          </Button>
          {reviewable && (
            <Button
              size="compact-sm"
              variant="light"
              color="teal.9"
              leftSection={<IconCircleCheck size={14} aria-hidden="true" />}
              loading={review.isPending}
              onClick={() => review.mutate({ documentId: doc.id, body: { status: 'verified' } }, { onSuccess: () => notifySuccess(t('officer.verifiedToast')) })}
              data-testid="shared-verify"
            >
              {t('officer.verify')}
            </Button>
          )}
          {doc.status !== 'issued' && doc.status !== 'rejected' && (
            <Button size="compact-sm" variant="light" color="red.9" leftSection={<IconX size={14} aria-hidden="true" />} onClick={onReject} data-testid="shared-reject">
              {t('officer.reject')}
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );
}

function RejectDialog({ code, doc, onClose }: { code: string; doc: Doc | null; onClose: () => void }) {
  const { t } = useTranslation('citizens');
  const review = useReviewShared(code);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setLocal(null);
    review.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc?.id]);
  const server = review.isError ? (fieldErrors(review.error)['body.reason'] ?? problemMessage(review.error)) : null;
  const submit = () => {
    if (!doc) return;
    if (reason.trim().length < 3) return setLocal(t('officer.needReason'));
    review.mutate({ documentId: doc.id, body: { status: 'rejected', reason: reason.trim() } }, { onSuccess: () => (notifySuccess(t('officer.rejectedToast')), onClose()) });
  };
  return (
    <Modal opened={!!doc} onClose={onClose} title={doc ? t('officer.rejectTitle', { name: doc.name }) : ''} centered>
      <Stack gap="md">
        <Textarea label={t('officer.reason')} placeholder={t('officer.reasonHint')} value={reason} onChange={(e) => (setReason(e.currentTarget.value), setLocal(null))} error={local ?? server} maxLength={300} autosize minRows={2} data-autofocus data-testid="reject-reason" />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button color="red.9" onClick={submit} loading={review.isPending} data-testid="reject-confirm">
            {t('officer.rejectConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
