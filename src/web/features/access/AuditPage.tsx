import { Badge, Button, Card, Code, EmptyState, Group, Loader, Modal, NativeSelect, Pagination, Skeleton, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { DatePickerInput, DatesProvider, type DatesRangeValue } from '@mantine/dates';
import { IconFilter, IconHistory, IconRestore } from '@tabler/icons-react';
import dayjs from 'dayjs';
import 'dayjs/locale/id';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../app/QueryError';
import { usePageTitle } from '../../app/usePageTitle';
import { useLang } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useSites } from '../catalog/api';
import { useAuditLog, useCurrentUser } from './api';
import type { AuditEntry, AuditFilter } from './types';

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Filters live in the address (shareable, back button works): ?action=&actorId=&siteId=&from=YYYY-MM-DD&to=YYYY-MM-DD&page= */
interface UrlFilter {
  action: string;
  actorId: string;
  siteId: string;
  from: string;
  to: string;
  page: number;
}

function readFilter(p: URLSearchParams): UrlFilter {
  const page = Number(p.get('page'));
  const day = (k: string) => (DAY.test(p.get(k) ?? '') ? (p.get(k) as string) : '');
  return {
    action: p.get('action') ?? '',
    actorId: UUID.test(p.get('actorId') ?? '') ? (p.get('actorId') as string) : '',
    siteId: p.get('siteId') ?? '',
    from: day('from'),
    to: day('to'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** Local calendar days to the instants the API filters on (the whole of both days). */
function toApi(f: UrlFilter): AuditFilter {
  return {
    page: f.page,
    pageSize: PAGE_SIZE,
    action: f.action || undefined,
    actorId: f.actorId || undefined,
    siteId: f.siteId || undefined,
    from: f.from ? dayjs(f.from).startOf('day').toISOString() : undefined,
    to: f.to ? dayjs(f.to).endOf('day').toISOString() : undefined,
  };
}

function hasDetails(d: unknown): boolean {
  if (d === null || d === undefined) return false;
  if (typeof d === 'object') return Object.keys(d as object).length > 0;
  return true;
}

function FilterForm({ value, onApply, siteOptions }: { value: UrlFilter; onApply: (f: UrlFilter) => void; siteOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const [action, setAction] = useState(value.action);
  const [actorId, setActorId] = useState(value.actorId);
  const [siteId, setSiteId] = useState(value.siteId);
  const [range, setRange] = useState<DatesRangeValue<string>>([value.from || null, value.to || null]);
  const [actorError, setActorError] = useState<string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const actor = actorId.trim();
    if (actor && !UUID.test(actor)) {
      setActorError(t('audit.actorInvalid'));
      return;
    }
    setActorError(undefined);
    const [from, to] = range;
    onApply({ action: action.trim(), actorId: actor, siteId, from: from ?? '', to: to ?? from ?? '', page: 1 });
  };
  const reset = () => {
    setAction('');
    setActorId('');
    setSiteId('');
    setRange([null, null]);
    setActorError(undefined);
    onApply({ action: '', actorId: '', siteId: '', from: '', to: '', page: 1 });
  };

  return (
    <form onSubmit={submit} aria-label={t('audit.filters')}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput label={t('audit.action')} placeholder={t('audit.actionPlaceholder')} value={action} onChange={(e) => setAction(e.currentTarget.value)} w={200} name="action" />
        <TextInput
          label={t('audit.actor')}
          value={actorId}
          onChange={(e) => setActorId(e.currentTarget.value)}
          error={actorError}
          w={300}
          name="actorId"
          spellCheck={false}
          autoCapitalize="none"
        />
        {siteOptions.length > 1 && (
          <NativeSelect label={t('audit.site')} value={siteId} onChange={(e) => setSiteId(e.currentTarget.value)} data={[{ value: '', label: t('common.allSites') }, ...siteOptions]} w={220} name="siteId" />
        )}
        <DatePickerInput
          type="range"
          label={t('audit.period')}
          placeholder={t('audit.periodPlaceholder')}
          value={range}
          onChange={setRange}
          allowSingleDateInRange
          clearable
          valueFormat="D MMM YYYY"
          w={260}
        />
        <Group gap="xs" mt={25}>
          <Button type="submit" leftSection={<IconFilter size={16} aria-hidden="true" />}>
            {t('audit.apply')}
          </Button>
          <Button variant="default" onClick={reset} leftSection={<IconRestore size={16} aria-hidden="true" />}>
            {t('audit.reset')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}

function AuditRows({ items, siteName, onShow }: { items: AuditEntry[]; siteName: (id: string | null) => string; onShow: (e: AuditEntry) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      {items.map((e) => (
        <Table.Tr key={e.id}>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
          </Table.Td>
          <Table.Td>{e.actor ? e.actor.username : <Text c="dimmed" span>{t('common.system')}</Text>}</Table.Td>
          <Table.Td>
            <Badge variant="light" color="gray" tt="none" style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>
              {e.action}
            </Badge>
          </Table.Td>
          <Table.Td>
            {e.targetType ? (
              <Text size="sm" title={e.targetId ?? undefined}>
                {e.targetType}
                {e.targetId ? ` · ${e.targetId.slice(0, 8)}` : ''}
              </Text>
            ) : (
              t('common.none')
            )}
          </Table.Td>
          <Table.Td>{siteName(e.siteId)}</Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.ip ?? t('common.none')}</Table.Td>
          <Table.Td>
            {hasDetails(e.details) ? (
              <Button size="compact-xs" variant="subtle" onClick={() => onShow(e)}>
                {t('audit.showDetails')}
                <VisuallyHidden>: {e.action}</VisuallyHidden>
              </Button>
            ) : (
              t('common.none')
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

/** The append-only audit log, filtered and paged (admins and auditors; the server scopes rows). */
export default function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const lang = useLang();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readFilter(params), [params]);
  const query = useAuditLog(toApi(filter));
  const sites = useSites();
  const [shown, setShown] = useState<AuditEntry | null>(null);

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of sites.data ?? []) m.set(s.id, s.name);
    for (const ms of user.memberships) if (ms.siteId && ms.siteName) m.set(ms.siteId, ms.siteName);
    return m;
  }, [sites.data, user.memberships]);
  const siteName = (id: string | null) => (id ? (names.get(id) ?? id.slice(0, 8)) : t('common.none'));
  const siteOptions = [...names].map(([value, label]) => ({ value, label }));

  const apply = (f: UrlFilter) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v && !(k === 'page' && v === 1)) next.set(k, String(v));
    setParams(next);
  };

  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const first = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? Math.min(data.total, data.page * data.pageSize) : 0;

  return (
    <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1}>{t('audit.title')}</Title>
            {query.isFetching && !query.isPending && <Loader size="xs" aria-label={t('common.loading')} />}
          </Group>
          <Text c="dimmed">{t('audit.intro')}</Text>
        </Stack>

        <Card withBorder padding="md">
          <FilterForm key={params.toString()} value={filter} onApply={apply} siteOptions={siteOptions} />
        </Card>

        {query.isPending ? (
          <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} h={36} />
            ))}
          </Stack>
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : data && data.items.length === 0 ? (
          <Card withBorder padding="xl">
            <EmptyState icon={<IconHistory size={36} aria-hidden="true" />} withIndicatorBackground title={t('audit.emptyTitle')} description={t('audit.emptyDescription')} />
          </Card>
        ) : data ? (
          <Stack gap="sm">
            <Table.ScrollContainer minWidth={960}>
              <Table striped highlightOnHover verticalSpacing="xs" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }} data-testid="audit-table">
                <Table.Caption>
                  {t('audit.range', { from: formatNumber(first, lang), to: formatNumber(last, lang), total: formatNumber(data.total, lang) })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('audit.at')}</Table.Th>
                    <Table.Th scope="col">{t('audit.who')}</Table.Th>
                    <Table.Th scope="col">{t('audit.action')}</Table.Th>
                    <Table.Th scope="col">{t('audit.target')}</Table.Th>
                    <Table.Th scope="col">{t('audit.site')}</Table.Th>
                    <Table.Th scope="col">{t('audit.ip')}</Table.Th>
                    <Table.Th scope="col">{t('audit.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <AuditRows items={data.items} siteName={siteName} onShow={setShown} />
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {pages > 1 && (
              <Group justify="center" component="nav" aria-label={t('audit.pagination')}>
                <Pagination
                  total={pages}
                  value={Math.min(filter.page, pages)}
                  onChange={(page) => apply({ ...filter, page })}
                  withEdges
                  getItemProps={(page) => ({ 'aria-label': t('common.page', { page }), 'aria-current': page === filter.page ? 'page' : undefined })}
                  getControlProps={(control) => ({ 'aria-label': t(`common.${control}Page`) })}
                />
              </Group>
            )}
          </Stack>
        ) : null}

        <Modal opened={shown !== null} onClose={() => setShown(null)} title={t('audit.detailsTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
          {shown && (
            <Stack gap="xs">
              <Text size="sm">
                <strong>{shown.action}</strong> · {formatDateTime(shown.at, lang)}
              </Text>
              {shown.targetId && (
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {shown.targetType}: {shown.targetId}
                </Text>
              )}
              <Code block>{JSON.stringify(shown.details, null, 2)}</Code>
            </Stack>
          )}
        </Modal>
      </Stack>
    </DatesProvider>
  );
}
