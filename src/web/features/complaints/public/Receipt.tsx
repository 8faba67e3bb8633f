import { Alert, Box, Button, Card, CopyButton, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { problemMessage } from '../../../lib/errors';
import { attachByCode } from '../api';
import '../i18n';
import type { Filed } from '../types';

interface Upload {
  name: string;
  error: string | null;
}

/**
 * After filing: the tracking code (the reporter's only key) with its QR, the verification
 * deadline, the late-filing warning, and the attachments going up one by one with that code.
 */
export function Receipt({ filed, files, anonymous, actions }: { filed: Filed; files: File[]; anonymous: boolean; actions?: ReactNode }) {
  const { t } = useTranslation('complaints');
  const lang = useLang();
  const [uploads, setUploads] = useState<Upload[] | null>(files.length ? null : []);
  const started = useRef(false);

  useEffect(() => {
    // Once per filing, also under StrictMode's double effects.
    if (started.current || !files.length) return;
    started.current = true;
    void (async () => {
      const done: Upload[] = [];
      for (const f of files) {
        try {
          await attachByCode(filed.trackingCode, f);
          done.push({ name: f.name, error: null });
        } catch (e) {
          done.push({ name: f.name, error: problemMessage(e, lang) });
        }
      }
      setUploads(done);
    })();
  }, [filed.trackingCode, files, lang]);

  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(filed.qrSvg)}`;
  const ok = uploads?.filter((u) => !u.error).length ?? 0;
  return (
    <Card withBorder padding="lg" role="status" data-testid="complaint-receipt">
      <Stack gap="md">
        <Group gap="xs">
          <IconCircleCheck color="var(--mantine-color-green-7)" aria-hidden="true" />
          <Title order={2} size="h3">
            {t('receipt.title')}
          </Title>
        </Group>
        <Group align="center" gap="lg" wrap="wrap">
          <img src={qr} alt={t('receipt.qr', { code: filed.trackingCode })} width={144} height={144} style={{ background: 'white' }} data-testid="complaint-qr" />
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('receipt.code')}
            </Text>
            <Text ff="monospace" fw={700} fz={28} lts={2} data-testid="complaint-code">
              {filed.trackingCode}
            </Text>
            <CopyButton value={filed.trackingCode}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="light" onClick={copy} w="fit-content">
                  {copied ? t('receipt.copied') : t('receipt.copy')}
                </Button>
              )}
            </CopyButton>
            <Text size="sm" data-testid="complaint-verify-by">
              {t('receipt.verifyBy', { date: formatDate(filed.verifyBy, lang) })}
            </Text>
          </Stack>
        </Group>
        <Text size="sm">{anonymous ? t('receipt.keepAnonymous') : t('receipt.keep')}</Text>
        {filed.warnings.map((w) => (
          <Alert key={w.code} color="yellow" icon={<IconAlertTriangle aria-hidden="true" />} data-testid={`complaint-warning-${w.code}`}>
            {w.messages[lang] || w.messages.id}
          </Alert>
        ))}
        <Box aria-live="polite">
          {uploads === null ? (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">{t('receipt.uploading')}</Text>
            </Group>
          ) : (
            <Stack gap="xs">
              {ok > 0 && (
                <Text size="sm" data-testid="complaint-uploaded">
                  {t('receipt.uploaded', { count: ok })}
                </Text>
              )}
              {uploads.filter((u) => u.error).map((u) => (
                <Alert key={u.name} color="red" data-testid="complaint-upload-failed">
                  {t('receipt.uploadFailed', { name: u.name, reason: u.error })}
                </Alert>
              ))}
            </Stack>
          )}
        </Box>
        <Group gap="sm">
          <Button component={Link} to={filed.trackingUrl} data-testid="complaint-track-link">
            {t('receipt.track')}
          </Button>
          {actions}
        </Group>
      </Stack>
    </Card>
  );
}
