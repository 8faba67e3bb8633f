import { Alert, Badge, Button, Card, EmptyState, Group, Modal, Pagination, SegmentedControl, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentSite } from '../../../app/currentSite';
import { usePageTitle } from '../../../app/usePageTitle';
import { ApiError } from '../../../lib/api';
import { fieldErrors, problemMessage } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { useCurrentUser } from '../../access/api';
import { useLang } from '../../../lib/lang';

/** What the signed-in user may do in the current site's catalogue (the server checks again). */
export interface CatalogScope {
  siteId: string | null;
  siteName: string;
  /** site_admin of this site or platform_admin: every agency, counters, import, settings. */
  siteWide: boolean;
  /** agency_admin: the agencies they manage (empty when siteWide). */
  agencyIds: string[];
}

export function useCatalogScope(): CatalogScope {
  const user = useCurrentUser();
  const { site } = useCurrentSite();
  return useMemo(() => {
    const siteId = site?.id ?? null;
    const here = user.memberships.filter((m) => m.siteId === null || m.siteId === siteId);
    const siteWide = here.some((m) => (m.role === 'platform_admin' || m.role === 'site_admin') && m.agencyId === null);
    const agencyIds = siteWide ? [] : [...new Set(here.filter((m) => m.role === 'agency_admin' && m.agencyId).map((m) => m.agencyId as string))];
    return { siteId, siteName: site?.name ?? '', siteWide, agencyIds };
  }, [user.memberships, site]);
}

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

/* ------------------------------------------------------------- confirmations */

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
  const { t } = useTranslation('catalog');
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
    <Modal opened={opts !== null} onClose={() => done(false)} title={opts?.title} centered size="md">
      <Stack gap="md">
        <Text component="div">{opts?.message}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => done(false)} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={opts?.danger ? 'red' : undefined} onClick={() => done(true)} data-testid="confirm-ok">
            {opts?.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
  return [node, ask];
}

/* ----------------------------------------------------------------- errors */

/**
 * Field errors of a failed save keyed by form path (`body.hours.3.0.end` → `hours.3.0.end`), plus
 * the message to show above the form for what no field shows.
 */
export function useServerErrors(error: unknown, known: (field: string) => boolean) {
  return useMemo(() => {
    if (!error) return { fields: {} as Record<string, string>, summary: null as string | null };
    const fields = fieldErrors(error);
    const orphan = Object.keys(fields).filter((f) => !known(f));
    const hasShown = Object.keys(fields).some(known);
    let summary: string | null = null;
    if (!hasShown || orphan.length > 0) {
      summary = problemMessage(error);
      if (orphan.length) summary += ' ' + orphan.map((f) => `${f}: ${fields[f]}`).join(' · ');
    }
    return { fields, summary };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);
}

export function FormAlert({ message }: { message: string | null }) {
  const { t } = useTranslation('catalog');
  return (
    <div aria-live="assertive" aria-atomic="true">
      {message && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden="true" />} title={t('common.saveFailed')} data-testid="form-error">
          {message}
        </Alert>
      )}
    </div>
  );
}

export const isConflict = (e: unknown) => e instanceof ApiError && e.status === 409;

/** '' → null for optional text columns. */
export const nullIfEmpty = (s: string | null | undefined): string | null => {
  const v = (s ?? '').trim();
  return v ? v : null;
};

/** Moves focus to the first invalid field after a failed submit (keyboard and screen-reader users land on it). */
export function focusFirstError(form: HTMLFormElement | null) {
  requestAnimationFrame(() => {
    const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}

/* ------------------------------------------------------------------ lists */

/** List filters kept in the address: ?q=&page=&status=…, so Back and reload keep them. */
export function useListParams<K extends string>(extra: readonly K[] = [], defaults: Partial<Record<'status' | K, string>> = {}) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const get = (k: string) => params.get(k) ?? (defaults as Record<string, string | undefined>)[k] ?? '';
  const values = Object.fromEntries(extra.map((k) => [k, get(k)])) as Record<K, string>;
  const set = (patch: Record<string, string | number | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '' || (k === 'page' && v === 1)) next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  return { q: params.get('q') ?? '', page, status: (get('status') || 'all') as 'all' | 'active' | 'inactive', values, set };
}

/** A search field that updates the list after a short pause. */
export function SearchField({ value, onChange, label, placeholder }: { value: string; onChange: (v: string) => void; label: string; placeholder?: string }) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 350);
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (debounced.trim() !== value) latest.current(debounced.trim());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  useEffect(() => {
    if (value !== text.trim()) setText(value);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onChange(text.trim());
      }}
      leftSection={<IconSearch size={16} aria-hidden="true" />}
      w={{ base: '100%', sm: 280 }}
    />
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

export function StatusFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('catalog');
  return (
    <LabelledSegments
      labelId="status-filter-label"
      label={t('common.status')}
      value={value}
      onChange={onChange}
      data={[
        { value: 'all', label: t('common.statusAll') },
        { value: 'active', label: t('common.statusActive') },
        { value: 'inactive', label: t('common.statusInactive') },
      ]}
    />
  );
}

export function Pager({ page, pageSize, total, onChange, label }: { page: number; pageSize: number; total: number; onChange: (p: number) => void; label: string }) {
  const { t } = useTranslation('catalog');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.range', { from: formatNumber(from, lang), to: formatNumber(to, lang), total: formatNumber(total, lang) })}
      </Text>
      {pages > 1 && (
        <nav aria-label={label}>
          <Pagination
            value={page}
            total={pages}
            onChange={onChange}
            size="sm"
            withEdges
            getItemProps={(p) => ({ 'aria-label': tc('common.page', { page: p }), 'aria-current': p === page ? 'page' : undefined })}
            getControlProps={(control) => ({ 'aria-label': tc(`common.${control}Page`) })}
          />
        </nav>
      )}
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

export function Empty({ title, description, icon, action }: { title: string; description?: string; icon: ReactNode; action?: ReactNode }) {
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
  const { t } = useTranslation('catalog');
  return (
    <Badge color={active ? 'green' : 'gray'} variant="light" styles={{ label: { overflow: 'visible' } }}>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}
