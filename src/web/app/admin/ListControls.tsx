import { Group, NativeSelect, Pagination, Text, TextInput, type NativeSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatNumber } from '../../lib/format';
import { useLang } from '../../i18n';
import { LabelledSegments } from './AdminParts';
import './i18n';

/* The controls of an admin list: filters kept in the address, search, status, pages. */

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

/** What the list building blocks need of `useListParams()`. */
export interface ListState {
  q: string;
  status: string;
  values: Record<string, string>;
  set: (patch: Record<string, string | number | null>) => void;
}

/** True when the list shows a search or filter result rather than everything. */
export const isFiltered = (list: ListState) => !!list.q || Object.values(list.values).some(Boolean) || list.status !== 'all';

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

export function StatusFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('admin');
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

/** Search box, the page's own filters (children), then the status filter. */
export function ListFilters({ list, searchPlaceholder, children }: { list: ListState; searchPlaceholder: string; children?: ReactNode }) {
  const { t } = useTranslation('admin');
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

export function Pager({ page, pageSize, total, onChange, label }: { page: number; pageSize: number; total: number; onChange: (p: number) => void; label: string }) {
  const { t } = useTranslation('admin');
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
