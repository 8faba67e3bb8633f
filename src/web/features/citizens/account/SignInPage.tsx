import { Alert, Anchor, Button, Card, Center, Group, PinInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../../app/guards';
import { PageLoader } from '../../../app/PageLoader';
import { PublicShell } from '../../../app/PublicShell';
import { usePageTitle } from '../../../app/usePageTitle';
import { ApiError } from '../../../lib/api';
import { fieldErrors, problemMessage } from '../../../lib/errors';
import { useCitizen, useRequestCode, useVerifyCode } from '../api';
import '../i18n';
import type { LoginAccepted } from '../types';

/** Seconds left until `until` (ms since epoch), ticking once a second. */
function useCountdown(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= Date.now()) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [until]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/**
 * Sign-in without a password: the contact (email or mobile number), then the 6-digit code the
 * notifier sent. A refused request says how long to wait (429 Retry-After).
 */
export default function SignInPage() {
  const { t } = useTranslation('citizens');
  usePageTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), '/akun');
  const navigate = useNavigate();
  const me = useCitizen();
  const send = useRequestCode();
  const verify = useVerifyCode();
  const [contact, setContact] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<(LoginAccepted & { at: number }) | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const wait = useCountdown(waitUntil);

  if (me.isPending) return <PageLoader minHeight="100vh" />;
  if (me.data && !verify.isSuccess) return <Navigate to={next} replace />;

  const requestCode = (e?: FormEvent) => {
    e?.preventDefault();
    if (!contact.trim()) return;
    send.mutate(
      { contact: contact.trim() },
      {
        onSuccess: (r) => {
          setSent({ ...r, at: Date.now() });
          setCode('');
          setWaitUntil(Date.now() + r.resendAfterSeconds * 1000);
        },
        onError: (err) => {
          if (err instanceof ApiError && err.retryAfter) setWaitUntil(Date.now() + err.retryAfter * 1000);
        },
      },
    );
  };
  const submitCode = (e?: FormEvent, value = code) => {
    e?.preventDefault();
    if (!/^\d{6}$/.test(value)) return;
    verify.mutate({ contact: contact.trim(), code: value }, { onSuccess: () => navigate(next, { replace: true }), onError: () => setCode('') });
  };

  const sendError = send.isError ? (send.error instanceof ApiError && send.error.status === 429 && wait > 0 ? t('signIn.throttled', { count: wait }) : (fieldErrors(send.error)['body.contact'] ?? problemMessage(send.error))) : null;
  const verifyError = verify.isError ? (fieldErrors(verify.error)['body.code'] ?? problemMessage(verify.error)) : null;

  return (
    <PublicShell size="xs">
      <Center>
        <Card withBorder shadow="sm" padding="xl" w="100%" maw={440}>
          {!sent ? (
            <form onSubmit={requestCode} noValidate aria-labelledby="citizen-signin-title">
              <Stack gap="md">
                <Title order={1} size="h2" id="citizen-signin-title">
                  {t('signIn.title')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('signIn.intro')}
                </Text>
                <div aria-live="assertive">
                  {sendError && (
                    <Alert color="red" icon={<IconAlertCircle aria-hidden="true" />} data-testid="signin-error">
                      {sendError}
                    </Alert>
                  )}
                </div>
                <TextInput
                  label={t('signIn.contact')}
                  description={t('signIn.contactHint')}
                  name="contact"
                  autoComplete="email tel"
                  inputMode="email"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  autoFocus
                  value={contact}
                  onChange={(e) => setContact(e.currentTarget.value)}
                  data-testid="signin-contact"
                />
                <Button type="submit" size="md" loading={send.isPending} disabled={!contact.trim() || wait > 0} data-testid="signin-send">
                  {wait > 0 && send.isError ? t('signIn.resendIn', { count: wait }) : t('signIn.send')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('signIn.why')}
                </Text>
              </Stack>
            </form>
          ) : (
            <form onSubmit={submitCode} noValidate aria-labelledby="citizen-code-title">
              <Stack gap="md">
                <Title order={1} size="h2" id="citizen-code-title">
                  {t('signIn.codeTitle')}
                </Title>
                <Text size="sm" data-testid="signin-sent">
                  {t('signIn.codeSent', { to: sent.sentTo, minutes: Math.round(sent.expiresInSeconds / 60) })}
                </Text>
                <div aria-live="assertive">
                  {(verifyError || sendError) && (
                    <Alert color="red" icon={<IconAlertCircle aria-hidden="true" />} data-testid="signin-error">
                      {verifyError ?? sendError}
                    </Alert>
                  )}
                </div>
                <Stack gap={4}>
                  <Text id="citizen-code-label" size="sm" fw={500}>
                    {t('signIn.code')}
                  </Text>
                  <PinInput
                    length={6}
                    type="number"
                    oneTimeCode
                    autoFocus
                    size="lg"
                    value={code}
                    onChange={setCode}
                    onComplete={(v) => submitCode(undefined, v)}
                    error={!!verifyError}
                    getInputProps={(i) => ({ 'aria-label': `${t('signIn.code')} (${i + 1}/6)` })}
                    data-testid="signin-code"
                  />
                </Stack>
                <Button type="submit" size="md" loading={verify.isPending} disabled={code.length !== 6} data-testid="signin-verify">
                  {t('signIn.verify')}
                </Button>
                <Group gap="xs" c="dimmed">
                  <IconLock size={14} aria-hidden="true" />
                  <Text size="xs">{t('signIn.warning')}</Text>
                </Group>
                <Group justify="space-between">
                  <Anchor component="button" type="button" size="sm" onClick={() => (setSent(null), verify.reset(), send.reset())}>
                    {t('signIn.change')}
                  </Anchor>
                  <Button variant="subtle" size="compact-sm" onClick={() => requestCode()} disabled={wait > 0} loading={send.isPending} data-testid="signin-resend">
                    {wait > 0 ? t('signIn.resendIn', { count: wait }) : t('signIn.resend')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Card>
      </Center>
    </PublicShell>
  );
}
