import { Button, Group, Table, VisuallyHidden } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMediaQuery } from '@mantine/hooks';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifySuccess } from '../../lib/errors';
import { QueryError } from '../QueryError';
import { Empty, TableSkeleton, type ConfirmOptions, type EmptyProps } from './AdminParts';
import { Pager } from './ListControls';
import type { Page } from './query';
import './i18n';
import classes from './AdminTable.module.css';

/* Building blocks of the admin list pages: loading/error/empty states, the table, row actions. */

/** Skeleton while loading, the error with a retry, `empty` when there is nothing, else `children(data)`. */
export function QueryView<T, E>({
  query,
  skeletonRows,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T, E>;
  skeletonRows?: number;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <TableSkeleton rows={skeletonRows} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

/**
 * A striped, captioned admin table whose last column holds the row actions (its header is read out
 * only). Wide tables scroll with the actions column kept in view; on a phone every row becomes a
 * card whose cells carry their column's name.
 */
export function AdminTable({
  minWidth,
  caption,
  head,
  children,
  dimmed,
  highlightOnHover,
  verticalSpacing = 'sm',
}: {
  minWidth: number;
  caption: ReactNode;
  head: ReactNode;
  children: ReactNode;
  /** Whether older rows are shown while the new ones load; leave out for lists that never do. */
  dimmed?: boolean;
  highlightOnHover?: boolean;
  verticalSpacing?: 'xs' | 'sm';
}) {
  const { t } = useTranslation('admin');
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const ref = useRef<HTMLTableElement>(null);
  // Each cell learns its column's header (shown above it on a phone): the rows are the pages' own.
  useLayoutEffect(() => {
    const table = ref.current;
    if (!table) return;
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
    for (const tr of table.querySelectorAll('tbody tr')) [...tr.children].forEach((td, i) => td.setAttribute('data-label', i < heads.length - 1 ? heads[i] : ''));
  });
  const table = (
      <Table ref={ref} className={classes.table} striped={!phone} highlightOnHover={highlightOnHover} verticalSpacing={verticalSpacing} style={dimmed === undefined ? undefined : { opacity: dimmed ? 0.6 : 1 }}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head}
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
  );
  return phone ? table : <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>;
}

/** A paginated list query as a table with its pager, or its loading / error / empty state. */
export function PagedTable<T, E>({
  query,
  empty,
  minWidth,
  caption,
  head,
  row,
  pagerLabel,
  onPage,
}: {
  query: UseQueryResult<Page<T>, E>;
  empty: EmptyProps;
  minWidth: number;
  caption: string;
  head: ReactNode;
  row: (item: T) => ReactNode;
  pagerLabel: string;
  onPage: (page: number) => void;
}) {
  return (
    <QueryView query={query} isEmpty={(d) => d.items.length === 0} empty={<Empty {...empty} />}>
      {(data) => (
        <>
          <AdminTable minWidth={minWidth} caption={caption} head={head} dimmed={query.isPlaceholderData} highlightOnHover>
            {data.items.map(row)}
          </AdminTable>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={onPage} label={pagerLabel} />
        </>
      )}
    </QueryView>
  );
}

/* ------------------------------------------------------------- row actions */

/** The buttons at the end of a row, right-aligned. */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {children}
    </Group>
  );
}

/** "Ubah", named for screen readers; a link to `to` or a button calling `onClick`. */
export function EditButton({ name, to, onClick }: { name: string; to?: string; onClick?: () => void }) {
  const { t } = useTranslation('admin');
  const label = t('common.editNamed', { name });
  return to !== undefined ? (
    <Button component={Link} to={to} size="compact-sm" variant="subtle" aria-label={label}>
      {t('common.edit')}
    </Button>
  ) : (
    <Button size="compact-sm" variant="subtle" onClick={onClick} aria-label={label}>
      {t('common.edit')}
    </Button>
  );
}

/** A small red row button ("Cabut", "Hapus") named "label: name" for screen readers, right-aligned on its own. */
export function DangerRowButton({ label, name, onClick, loading }: { label: string; name: string; onClick: () => void; loading?: boolean }) {
  return (
    <Group justify="flex-end">
      <Button size="compact-sm" variant="subtle" color="red" onClick={onClick} aria-label={`${label}: ${name}`} loading={loading}>
        {label}
      </Button>
    </Group>
  );
}

/** The texts of activating and deactivating one kind of row, e.g. `(k, v) => t(\`agency.${k}\`, v)`. */
export type ActivationTexts = (key: 'activate' | 'deactivate' | 'deactivateTitle' | 'deactivateMessage' | 'activated' | 'deactivated', values?: Record<string, unknown>) => string;

/** "Nonaktifkan" / "Aktifkan" for a row. */
export function ToggleActiveButton({ texts, active, name, onClick, loading }: { texts: ActivationTexts; active: boolean; name: string; onClick: () => void; loading?: boolean }) {
  const label = active ? texts('deactivate') : texts('activate');
  return (
    <Button size="compact-sm" variant="subtle" color={active ? 'red' : 'green'} onClick={onClick} loading={loading} aria-label={`${label}: ${name}`}>
      {label}
    </Button>
  );
}

interface SetActive {
  mutate: (v: { id: string; active: boolean }, o: { onSuccess: () => void }) => void;
}

/**
 * Activates at once, deactivates after a confirmation (`deactivateMessage` gets `name` and
 * `messageValues`), then says which happened.
 */
export function useToggleActive(texts: ActivationTexts, setActive: SetActive, confirm: (o: ConfirmOptions) => Promise<boolean>) {
  return async (item: { id: string; active: boolean }, name: string, messageValues: Record<string, unknown> = {}) => {
    if (item.active) {
      const ok = await confirm({ title: texts('deactivateTitle'), message: texts('deactivateMessage', { name, ...messageValues }), confirmLabel: texts('deactivate'), danger: true });
      if (!ok) return;
    }
    setActive.mutate({ id: item.id, active: !item.active }, { onSuccess: () => notifySuccess(item.active ? texts('deactivated', { name }) : texts('activated', { name })) });
  };
}
