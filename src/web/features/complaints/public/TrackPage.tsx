import { Alert, Anchor, Badge, Button, Card, Group, List, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowForward, IconEyeOff, IconLock, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PublicShell } from '../../../app/PublicShell';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { useLang } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { formatDate, formatDateTimeShort, zoneLabel } from '../../../lib/format';
import { P, PAGES, useComplaintByCode } from '../api';
import { StatusBadge } from '../components/StatusBadge';
import '../i18n';
import type { PublicComplaint } from '../types';
import { ReporterActions } from './ReporterActions';
import { Steps } from './Steps';

/** The code box: on `/pengaduan/lacak`, and again under "not found". */
function CodeLookup({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation('complaints');
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const c = code.trim().replace(/\s+/g, '').toUpperCase();
        if (c) navigate(PAGES.track(c));
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput label={t('track.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} autoCapitalize="characters" autoComplete="off" required minLength={4} maxLength={24} w={260} data-testid="track-code-input" />
        <Button type="submit" data-testid="track-code-go">
          {t('track.go')}
        </Button>
      </Group>
    </form>
  );
}

/**
 * `/pengaduan/lacak/:code`: the reporter's page, the one the server's messages link to. Status,
 * deadlines, the public conversation (times in the site's zone) and what the reporter may do. No
 * identity is shown, not even the reporter's own: the code may be seen over a shoulder.
 */
export default function TrackPage() {
  const { t } = useTranslation('complaints');
  usePageTitle(t('track.title'));
  const { code } = useParams();
  const q = useComplaintByCode(code);
  const notFound = q.error instanceof ApiError && q.error.status === 404;

  let content;
  if (!code) {
    content = (
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Text>{t('track.lookupIntro')}</Text>
          <CodeLookup />
        </Stack>
      </Card>
    );
  } else if (q.isPending) content = <Skeleton h={360} />;
  else if (notFound) {
    content = (
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Alert color="red" role="alert" data-testid="track-not-found">
            {t('track.notFound')}
          </Alert>
          <CodeLookup initial={code} />
        </Stack>
      </Card>
    );
  } else if (q.isError) content = <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  else content = <ComplaintView c={q.data} code={code} />;

  return (
    <PublicShell size="sm">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <Title order={1}>{t('track.title')}</Title>
          <Anchor component={Link} to={PAGES.form} size="sm">
            {t('track.fileNew')}
          </Anchor>
        </Group>
        {content}
      </Stack>
    </PublicShell>
  );
}

function ComplaintView({ c, code }: { c: PublicComplaint; code: string }) {
  const { t } = useTranslation('complaints');
  const lang = useLang();
  const zone = zoneLabel(c.site.timeZone);
  const when = (iso: string) => `${formatDateTimeShort(iso, lang, c.site.timeZone)} ${zone}`;
  return (
    <Stack gap="md" data-testid="track-complaint">
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {c.site.name} · {t(`classification.${c.classification}`)}
            </Text>
            <Title order={2} size="h3" data-testid="track-title">
              {c.title}
            </Title>
            <div>
              <StatusBadge status={c.status} testId="track-status" />
            </div>
          </Stack>
          <Steps status={c.status} />
          <List spacing={4} size="sm" listStyleType="none" p={0}>
            <List.Item>{t('track.filedAt')}: {when(c.filedAt)}</List.Item>
            <List.Item>{t('track.agency')}: {c.agency?.name ?? t('track.notAssigned')}{c.service ? ` · ${c.service.name}` : ''}</List.Item>
            {c.status === 'submitted' && <List.Item data-testid="track-verify-by">{t('track.verifyBy')}: {formatDate(c.verifyBy, lang)}</List.Item>}
            {c.status === 'verified' && c.respondBy && <List.Item data-testid="track-respond-by">{t('track.respondBy')}: {formatDate(c.respondBy, lang)}</List.Item>}
            {c.autoCloseAfter && <List.Item>{t('track.autoCloseAfter')}: {formatDate(c.autoCloseAfter, lang)}</List.Item>}
          </List>
          {c.forwardedTo && (
            <Alert color="gray" icon={<IconArrowForward aria-hidden="true" />}>
              {t('track.forwardedTo', { where: c.forwardedTo })}
            </Alert>
          )}
          {c.status === 'closed' && c.closedBy && <Text size="sm">{t(`track.closedBy.${c.closedBy}`)}</Text>}
          {(c.confidential || c.anonymous) && (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              {c.anonymous ? <IconEyeOff size={16} aria-hidden="true" /> : <IconLock size={16} aria-hidden="true" />}
              <Text size="sm" c="dimmed">
                {c.anonymous ? t('track.anonymous') : t('track.confidential')}
              </Text>
            </Group>
          )}
        </Stack>
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="track-conversation">
        <Stack gap="sm">
          <Title order={2} size="h4" id="track-conversation">
            {t('track.conversation')}
          </Title>
          <Stack gap={4} p="sm" bg="gray.0" style={{ borderRadius: 8 }}>
            <Text size="xs" c="dimmed">
              {t('track.yourReport')} · {when(c.filedAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {c.body}
            </Text>
          </Stack>
          {c.replies.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('track.noReplies')}
            </Text>
          ) : (
            c.replies.map((r, i) => (
              <Stack key={i} gap={4} p="sm" style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)', marginLeft: r.from === 'reporter' ? 32 : 0 }} data-testid="track-reply" data-from={r.from}>
                <Group gap="xs">
                  <Badge size="sm" variant="light" color={r.from === 'reporter' ? 'gray' : 'blue'}>
                    {t(`from.${r.from}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {when(r.at)}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {r.text}
                </Text>
              </Stack>
            ))
          )}
        </Stack>
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="track-attachments">
        <Stack gap="xs">
          <Title order={2} size="h4" id="track-attachments">
            {t('track.attachments')}
          </Title>
          {c.attachments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('track.noAttachments')}
            </Text>
          ) : (
            c.attachments.map((a) => (
              <Group key={a.id} gap="xs">
                <IconPaperclip size={16} aria-hidden="true" />
                <Anchor href={P.codeAttachment(code, a.id)} download={a.filename} size="sm" aria-label={t('track.download', { name: a.filename })}>
                  {a.filename}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`from.${a.from}`)} · {when(a.at)}
                </Text>
              </Group>
            ))
          )}
        </Stack>
      </Card>

      <ReporterActions c={c} code={code} />
    </Stack>
  );
}
