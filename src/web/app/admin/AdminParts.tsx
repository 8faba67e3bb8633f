import { Badge, Button, Card, EmptyState, Group, Modal, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../usePageTitle';
import './i18n';

/* Building blocks of every admin page: its header, empty and loading states, badges, confirmations. */

export function AdminHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  usePageTitle(title);
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <Stack gap={4}>
        <Title order={2}>{title}</Title>
        {description && (
          <Text c="dimmed" size="sm" maw={720}>
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}

export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <Stack gap="xs" aria-busy="true">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} h={36} />
      ))}
    </Stack>
  );
}

export interface EmptyProps {
  icon: ReactNode;
  title: string;
  description?: string;
  /** The first steps out of the empty state (e.g. add the first one, import a file). */
  action?: ReactNode;
}

export function Empty({ title, description, icon, action }: EmptyProps) {
  return (
    <Card withBorder padding="xl">
      <EmptyState icon={icon} withIndicatorBackground title={title} description={description}>
        {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
      </EmptyState>
    </Card>
  );
}

/** "Aktif" / "Nonaktif" that never shrinks into an ellipsis in a narrow table cell. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation('admin');
  return (
    <Badge color={active ? 'green' : 'gray'} variant="light" styles={{ label: { overflow: 'visible' } }}>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}

/** A segmented control with a visible label above it (`labelId` names it) and optional `children` below. */
export function LabelledSegments({
  labelId,
  label,
  value,
  onChange,
  data,
  testId,
  children,
}: {
  labelId: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  data: { value: string; label: string }[];
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={labelId} value={value} onChange={onChange} data={data} data-testid={testId} />
      {children}
    </Stack>
  );
}

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
}

/**
 * A promise-based confirmation dialog: `if (await confirm({...})) doIt()`. Focus starts on
 * "Batal" so Enter never destroys by accident; Escape cancels.
 */
export function useConfirm(): [ReactNode, (o: ConfirmOptions) => Promise<boolean>] {
  const { t } = useTranslation('admin');
  const [opts, setOpts] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<((v: boolean) => void) | null>(null);
  const ask = useCallback((o: ConfirmOptions) => {
    setOpts(o);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);
  const done = (v: boolean) => {
    resolver.current?.(v);
    resolver.current = null;
    setOpts(null);
  };
  const node = (
    <Modal opened={opts !== null} onClose={() => done(false)} title={opts?.title} centered size="md" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text component="div">{opts?.message}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => done(false)} data-autofocus>
            {t('common.cancel')}
          </Button>
          {/* red.9: white text on the default red is below the AA contrast (axe). */}
          <Button color={opts?.danger ? 'red.9' : undefined} onClick={() => done(true)} data-testid="confirm-ok">
            {opts?.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
  return [node, ask];
}
