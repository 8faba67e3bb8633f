import { Alert, Card, Center, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { FormEvent, ReactNode } from 'react';
import { PublicShell } from '../../app/PublicShell';

/** The centred card of the sign-in and first-run pages: title, intro, a live error, the form. */
export function AuthFormCard(props: {
  id: string;
  title: string;
  intro: string;
  maxWidth: number;
  error: string | null;
  errorTestId?: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <PublicShell size="xs">
      <Center>
        <Card withBorder shadow="sm" padding="xl" w="100%" maw={props.maxWidth}>
          <form onSubmit={props.onSubmit} noValidate aria-labelledby={props.id}>
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={1} size="h2" id={props.id}>
                  {props.title}
                </Title>
                <Text c="dimmed" size="sm">
                  {props.intro}
                </Text>
              </Stack>

              <div aria-live="assertive" aria-atomic="true">
                {props.error && (
                  <Alert color="red" icon={<IconAlertCircle aria-hidden="true" />} data-testid={props.errorTestId}>
                    {props.error}
                  </Alert>
                )}
              </div>

              {props.children}
            </Stack>
          </form>
        </Card>
      </Center>
    </PublicShell>
  );
}
