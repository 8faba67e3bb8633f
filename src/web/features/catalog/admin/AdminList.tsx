import { Button, Group, NativeSelect, Table, VisuallyHidden, type NativeSelectProps } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../app/QueryError';
import { notifySuccess } from '../../../lib/errors';
import type { Page } from '../types';
import { Empty, Pager, SearchField, StatusFilter, TableSkeleton, type ConfirmOptions } from './shared';

/* Building blocks of the catalogue admin list pages: filters, loading/error/empty states, the table, row actions. */

/** What the list building blocks need of `useListParams()`. */
export interface ListState {
  q: string;
  status: string;
  values: Record<string, string>;
  set: (patch: Record<string, string | number | null>) => void;
}

/** Search box, the page's own filters (children), then the status filter. */
export function ListFilters({ list, searchPlaceholder, children }: { list: ListState; searchPlaceholder: string; children?: ReactNode }) {
  const { t } = useTranslation('catalog');
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SearchField label={t('common.search')} placeholder={searchPlaceholder} value={list.q} onChange={(q) => list.set({ q })} />
      {children}
      <StatusFilter value={list.status} onChange={(status) => list.set({ status })} />
    </Group>
  );
}

/** A select bound to one address parameter of the list; the first option ('' = no filter) is `allLabel`. */
export function FilterSelect({
  list,
  param,
  allLabel,
  options,
  ...rest
}: { list: ListState; param: string; allLabel: string; options: { value: string; label: string }[] } & Omit<NativeSelectProps, 'value' | 'onChange' | 'data'> & { 'data-testid'?: string }) {
  return <NativeSelect {...rest} value={list.values[param]} onChange={(e) => list.set({ [param]: e.currentTarget.value })} data={[{ value: '', label: allLabel }, ...options]} />;
}

/** True when the list shows a search or filter result rather than everything. */
export const isFiltered = (list: ListState) => !!list.q || Object.values(list.values).some(Boolean) || list.status !== 'all';

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

export interface EmptyProps {
  icon: ReactNode;
  title: string;
  description?: string;
}

/** A striped, captioned admin table whose last column holds the row actions (its header is read out only). */
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
  const { t } = useTranslation('catalog');
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover={highlightOnHover} verticalSpacing={verticalSpacing} style={dimmed === undefined ? undefined : { opacity: dimmed ? 0.6 : 1 }}>
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
    </Table.ScrollContainer>
  );
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
  const { t } = useTranslation('catalog');
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

/** The catalogue entities with `<entity>.activate`, `.deactivate`, `.deactivateTitle`, `.deactivateMessage`, `.activated`, `.deactivated` texts. */
export type ActivatableEntity = 'agency' | 'service' | 'counter' | 'staff';

/** "Nonaktifkan" / "Aktifkan" for a row. */
export function ToggleActiveButton({ entity, active, name, onClick, loading }: { entity: ActivatableEntity; active: boolean; name: string; onClick: () => void; loading?: boolean }) {
  const { t } = useTranslation('catalog');
  const label = active ? t(`${entity}.deactivate`) : t(`${entity}.activate`);
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
 * Activates at once, deactivates after a confirmation (`<entity>.deactivateMessage` gets `name` and
 * `messageValues`), then says which happened.
 */
export function useToggleActive(entity: ActivatableEntity, setActive: SetActive, confirm: (o: ConfirmOptions) => Promise<boolean>) {
  const { t } = useTranslation('catalog');
  return async (item: { id: string; active: boolean }, name: string, messageValues: Record<string, unknown> = {}) => {
    if (item.active) {
      const ok = await confirm({ title: t(`${entity}.deactivateTitle`), message: t(`${entity}.deactivateMessage`, { name, ...messageValues }), confirmLabel: t(`${entity}.deactivate`), danger: true });
      if (!ok) return;
    }
    setActive.mutate({ id: item.id, active: !item.active }, { onSuccess: () => notifySuccess(item.active ? t(`${entity}.deactivated`, { name }) : t(`${entity}.activated`, { name })) });
  };
}
