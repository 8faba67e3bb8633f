import { Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';

/**
 * "Langkah 2 dari 4" and the step's heading. When the step changes (not on first load) focus
 * moves to the heading, so keyboard and screen-reader users land at the start of the new step.
 */
export function StepHeader({ step, total, title }: { step: number; total: number; title: string }) {
  const { t } = useTranslation(NS);
  const ref = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [step]);
  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed" fw={500}>
        {t('flow.stepOf', { step, total })}
      </Text>
      <Progress value={(step / total) * 100} size="sm" aria-hidden="true" />
      <Title order={2} size="h3" ref={ref} tabIndex={-1} style={{ outline: 'none' }} data-testid="booking-step-title">
        {title}
      </Title>
    </Stack>
  );
}
