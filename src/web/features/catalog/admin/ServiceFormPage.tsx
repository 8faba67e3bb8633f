import { Badge, Button, Card, Collapse, Group, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Switch, TagsInput, Text, Textarea, TextInput, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconExternalLink } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { QueryError } from '../../../app/QueryError';
import { fieldErrors } from '../../../lib/errors';
import { feeKind, feeText, type FeeKind } from '../format';
import { DURATION_UNITS, INTERNAL_TEXT_KEYS, type AgencyAdmin, type DurationUnit, type ServiceAdmin, type ServiceInput, type WeeklyHours } from '../types';
import { AdminHeader, FormAlert, FormBreadcrumbs, PageFormActions, TableSkeleton, useAdminSubmit, useFormValues } from '../../../app/admin';
import { useAgencyOptions, useDocumentTypes, useSaveService, useService } from './api';
import { cleanHours, HoursEditor, hoursErrors } from './HoursEditor';
import { RequirementsEditor, rowKey, StepsEditor, type RequirementRow, type StepRow } from './ListEditors';
import { useLang } from '../../../i18n';
import { useCatalogScope } from './scope';

interface Form {
  agencyId: string;
  code: string;
  prefix: string;
  name: string;
  keywords: string[];
  description: string;
  requirements: RequirementRow[];
  procedure: StepRow[];
  durationValue: number | '';
  durationUnit: DurationUnit;
  durationText: string;
  /** Gratis, tarif tetap, or sesuai tarif (the amount depends on the case). */
  feeMode: FeeKind;
  /** The amount (fixed) or the starting amount (variable, optional). */
  fee: number | '';
  feeBasis: string;
  product: string;
  complaintChannel: string;
  internal: Record<(typeof INTERNAL_TEXT_KEYS)[number], string>;
  staffCount: number | '';
  ownHours: boolean;
  hours: WeeklyHours;
  handlingMinutes: number | '';
  bookable: boolean;
  walkInQuota: number | '';
  bookingQuota: number | '';
  active: boolean;
}

function fromService(s: ServiceAdmin | undefined, agencyId: string): Form {
  const internal = Object.fromEntries(INTERNAL_TEXT_KEYS.map((k) => [k, s?.internal?.[k] ?? ''])) as Form['internal'];
  return {
    agencyId: s?.agencyId ?? agencyId,
    code: s?.code ?? '',
    prefix: s?.prefix ?? '',
    name: s?.name ?? '',
    keywords: s?.keywords ?? [],
    description: s?.description ?? '',
    requirements: (s?.standard.requirements ?? []).map((r) => ({ key: rowKey(), documentTypeKey: r.documentType.key, note: r.note ?? '' })),
    procedure: s ? s.standard.procedure.map((text) => ({ key: rowKey(), text })) : [{ key: rowKey(), text: '' }],
    durationValue: s?.standard.duration?.value ?? 1,
    durationUnit: (s?.standard.duration?.unit as DurationUnit) ?? 'working_days',
    durationText: s?.durationText ?? '',
    // A new service starts as "Tarif tetap" with no amount: publishing "Gratis" is a choice to make, not a default.
    feeMode: s ? feeKind(s.standard) : 'fixed',
    fee: s && s.standard.fee > 0 ? s.standard.fee : '',
    feeBasis: s?.standard.feeBasis ?? '',
    product: s?.standard.product ?? '',
    complaintChannel: s?.standard.complaintChannel ?? '',
    internal,
    staffCount: s?.internal?.staffCount ?? '',
    ownHours: !!s?.hours && Object.keys(s.hours).length > 0,
    hours: s?.hours ?? {},
    handlingMinutes: s?.handlingMinutes ?? 10,
    bookable: s?.bookable ?? false,
    walkInQuota: s?.walkInQuota ?? 100,
    bookingQuota: s?.bookingQuota ?? 0,
    active: s?.active ?? true,
  };
}

/** Server paths → form fields where they differ. */
const FIELD_OF: Record<string, string> = {
  'duration.value': 'durationValue',
  'duration.unit': 'durationUnit',
  duration: 'durationValue',
  'internal.staffCount': 'staffCount',
  feeVariable: 'feeMode',
};
const SIMPLE = new Set(['agencyId', 'code', 'prefix', 'name', 'keywords', 'description', 'durationValue', 'durationUnit', 'durationText', 'feeMode', 'fee', 'feeBasis', 'product', 'complaintChannel', 'staffCount', 'handlingMinutes', 'bookable', 'walkInQuota', 'bookingQuota', 'active', 'requirements', 'procedure']);
const known = (f: string) => {
  const k = FIELD_OF[f] ?? f;
  return SIMPLE.has(k) || /^(requirements|procedure|hours|internal)(\.|$)/.test(k);
};

const num = (v: number | '') => (v === '' ? NaN : v);

function Section({ title, description, children, id }: { title: string; description?: string; children: ReactNode; id: string }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={id}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Card>
  );
}

function ServiceForm({ service, agencies }: { service?: ServiceAdmin; agencies: AgencyAdmin[] }) {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const lang = useLang();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const scope = useCatalogScope();
  const siteId = scope.siteId as string;
  const save = useSaveService(siteId, service?.id);
  const docTypes = useDocumentTypes(siteId);
  const { formRef, local, server, clear, submit: send } = useAdminSubmit(save, known);

  // agency_admin: their agency is chosen and the others are not offered.
  const pickable = agencies.filter((a) => (scope.siteWide || scope.agencyIds.includes(a.id)) && (a.active || a.id === service?.agencyId));
  const initialAgency = service?.agencyId ?? (pickable.some((a) => a.id === params.get('agencyId')) ? (params.get('agencyId') as string) : pickable.length === 1 ? pickable[0].id : '');
  const [f, set, setF] = useFormValues<Form>(() => fromService(service, initialAgency), clear);
  const [internalOpen, setInternalOpen] = useState(false);

  const errors: Record<string, string> = { ...local };
  for (const [k, v] of Object.entries(server.fields)) errors[FIELD_OF[k] ?? k] ??= v;
  const internalHasError = Object.keys(errors).some((k) => k.startsWith('internal.') || k === 'staffCount');
  const setInternal = (k: (typeof INTERNAL_TEXT_KEYS)[number], v: string) => setF((s) => ({ ...s, internal: { ...s.internal, [k]: v } }));

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!f.agencyId) e.agencyId = ta('form.required');
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(f.code.trim())) e.code = t('service.codeRule');
    if (!/^[A-Za-z]{1,4}$/.test(f.prefix.trim())) e.prefix = t('service.prefixRule');
    if (f.name.trim().length < 3) e.name = ta('form.minChars', { count: 3 });
    f.requirements.forEach((r, i) => {
      if (!r.documentTypeKey) e[`requirements.${i}.documentTypeKey`] = t('standard.chooseDocument');
    });
    const steps = f.procedure.filter((s) => s.text.trim());
    if (steps.length === 0) e.procedure = t('standard.stepNeeded');
    if (!Number.isInteger(num(f.durationValue)) || num(f.durationValue) < 0) e.durationValue = ta('form.wholeNumber');
    if (f.feeMode === 'fixed' && (!Number.isInteger(num(f.fee)) || num(f.fee) < 1)) e.fee = t('standard.feeFixedRule');
    if (f.feeMode === 'variable' && f.fee !== '' && (!Number.isInteger(f.fee) || f.fee < 0)) e.fee = t('standard.feeFromRule');
    if (f.feeMode === 'variable' && !f.feeBasis.trim()) e.feeBasis = t('standard.feeBasisNeeded');
    if (f.product.trim().length < 2) e.product = ta('form.minChars', { count: 2 });
    if (f.complaintChannel.trim().length < 2) e.complaintChannel = ta('form.minChars', { count: 2 });
    if (f.staffCount !== '' && (!Number.isInteger(f.staffCount) || f.staffCount < 0)) e.staffCount = ta('form.wholeNumber');
    if (!Number.isInteger(num(f.handlingMinutes)) || num(f.handlingMinutes) < 1 || num(f.handlingMinutes) > 480) e.handlingMinutes = t('service.handlingRule');
    if (!Number.isInteger(num(f.walkInQuota)) || num(f.walkInQuota) < 0) e.walkInQuota = ta('form.wholeNumber');
    if (!Number.isInteger(num(f.bookingQuota)) || num(f.bookingQuota) < 0) e.bookingQuota = ta('form.wholeNumber');
    if (f.bookable && num(f.bookingQuota) === 0) e.bookingQuota = t('service.bookingQuotaNeeded');
    if (f.ownHours) Object.assign(e, hoursErrors(f.hours, 'hours'));
    if (e.staffCount) setInternalOpen(true);
    return e;
  };

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const found = validate();
    const internal: ServiceInput['internal'] = {};
    for (const k of INTERNAL_TEXT_KEYS) if (f.internal[k].trim()) internal[k] = f.internal[k].trim();
    if (f.staffCount !== '') internal.staffCount = f.staffCount;
    const body: ServiceInput = {
      agencyId: f.agencyId,
      code: f.code.trim().toUpperCase(),
      prefix: f.prefix.trim().toUpperCase(),
      name: f.name.trim(),
      keywords: f.keywords,
      description: f.description.trim(),
      requirements: f.requirements.map((r) => ({ documentTypeKey: r.documentTypeKey, note: r.note.trim() || null })),
      procedure: f.procedure.map((s) => s.text.trim()).filter(Boolean),
      duration: { value: f.durationValue as number, unit: f.durationUnit },
      durationText: f.durationText.trim() || null,
      fee: f.feeMode === 'free' || f.fee === '' ? 0 : f.fee,
      feeVariable: f.feeMode === 'variable',
      feeBasis: f.feeBasis.trim(),
      product: f.product.trim(),
      complaintChannel: f.complaintChannel.trim(),
      internal,
      hours: f.ownHours ? cleanHours(f.hours) : null,
      handlingMinutes: f.handlingMinutes as number,
      bookable: f.bookable,
      walkInQuota: f.walkInQuota as number,
      bookingQuota: f.bookingQuota as number,
      active: f.active,
    };
    send(found, body, {
      success: (saved) => (service ? t('service.saved', { name: saved.name }) : t('service.created', { name: saved.name })),
      onSaved: () => navigate('/admin/catalog/services'),
      // The internal components fold away: open them when the server found a problem there.
      onFailed: (err) => {
        if (Object.keys(fieldErrors(err)).some((k) => k.startsWith('internal.'))) setInternalOpen(true);
      },
    });
  };

  const agencyData = pickable.map((a) => ({ value: a.id, label: `${a.shortName} · ${a.name}` }));
  const onlyAgency = !scope.siteWide && pickable.length === 1 ? pickable[0] : null;
  const feePreview = feeText({ fee: f.feeMode === 'free' || f.fee === '' ? 0 : f.fee, feeVariable: f.feeMode === 'variable' }, lang, t);
  const durationPreview = useMemo(() => {
    if (f.durationText.trim()) return f.durationText.trim();
    const v = f.durationValue === '' ? 0 : f.durationValue;
    return t(`duration.${f.durationUnit}`, { count: v });
  }, [f.durationText, f.durationValue, f.durationUnit, t]);

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={service ? t('service.editTitle') : t('service.newTitle')}>
      <Stack gap="md" maw={980}>
        <FormAlert message={server.summary} />

        <Section id="svc-identity" title={t('service.identity')}>
          {onlyAgency ? (
            <TextInput label={t('service.agency')} value={`${onlyAgency.shortName} · ${onlyAgency.name}`} readOnly variant="filled" />
          ) : (
            <NativeSelect
              label={t('service.agency')}
              required
              value={f.agencyId}
              onChange={(e) => set('agencyId', e.currentTarget.value)}
              data={[{ value: '', label: ta('form.choose') }, ...agencyData]}
              error={errors.agencyId}
              data-testid="service-agency"
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('service.codeLabel')}
              description={t('service.codeHint')}
              required
              value={f.code}
              onChange={(e) => set('code', e.currentTarget.value.toUpperCase())}
              error={errors.code}
              maxLength={32}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-testid="service-code"
            />
            <TextInput
              label={t('service.prefix')}
              description={t('service.prefixHint')}
              required
              value={f.prefix}
              onChange={(e) => set('prefix', e.currentTarget.value.toUpperCase())}
              error={errors.prefix}
              maxLength={4}
              data-testid="service-prefix"
            />
            <NumberInput
              label={t('service.handlingMinutes')}
              description={t('service.handlingHint')}
              value={f.handlingMinutes}
              onChange={(v) => set('handlingMinutes', typeof v === 'number' ? v : '')}
              error={errors.handlingMinutes}
              min={1}
              max={480}
              allowDecimal={false}
              allowNegative={false}
              suffix={` ${t('service.minutesSuffix')}`}
            />
          </SimpleGrid>
          <TextInput label={t('service.name')} required value={f.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} maxLength={200} data-testid="service-name" />
          <TagsInput
            label={t('service.keywords')}
            description={t('service.keywordsHint')}
            value={f.keywords}
            onChange={(v) => set('keywords', v)}
            error={errors.keywords}
            maxTags={30}
            splitChars={[',']}
            clearable
            data-testid="service-keywords"
          />
          <Textarea label={t('service.description')} autosize minRows={2} maxRows={6} value={f.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors.description} maxLength={4000} />
        </Section>

        <Section id="svc-requirements" title={`1. ${t('standard.requirements')}`} description={t('standard.requirementsHint')}>
          <RequirementsEditor rows={f.requirements} onChange={(r) => set('requirements', r)} documentTypes={docTypes.data ?? []} loading={docTypes.isPending} errors={errors} />
          {docTypes.isError && <QueryError error={docTypes.error} onRetry={() => void docTypes.refetch()} />}
        </Section>

        <Section id="svc-procedure" title={`2. ${t('standard.procedure')}`} description={t('standard.procedureHint')}>
          <StepsEditor rows={f.procedure} onChange={(r) => set('procedure', r)} errors={errors} />
        </Section>

        <Section id="svc-duration" title={`3. ${t('standard.duration')}`}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('standard.durationValue')}
              required
              value={f.durationValue}
              onChange={(v) => set('durationValue', typeof v === 'number' ? v : '')}
              error={errors.durationValue}
              min={0}
              max={10000}
              allowDecimal={false}
              allowNegative={false}
              data-testid="service-duration-value"
            />
            <NativeSelect
              label={t('standard.durationUnit')}
              value={f.durationUnit}
              onChange={(e) => set('durationUnit', e.currentTarget.value as DurationUnit)}
              data={DURATION_UNITS.map((u) => ({ value: u, label: t(`durationUnit.${u}`) }))}
              error={errors.durationUnit}
              data-testid="service-duration-unit"
            />
            <TextInput label={t('standard.durationText')} description={t('standard.durationTextHint')} value={f.durationText} onChange={(e) => set('durationText', e.currentTarget.value)} error={errors.durationText} maxLength={200} />
          </SimpleGrid>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {ta('form.published')}:{' '}
            </Text>
            {durationPreview}
          </Text>
        </Section>

        <Section id="svc-fee" title={`4. ${t('standard.fee')}`}>
          <Radio.Group
            label={t('standard.feeKind')}
            required
            value={f.feeMode}
            onChange={(v) => set('feeMode', v as FeeKind)}
            error={errors.feeMode}
            data-testid="service-fee-kind"
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt={6}>
              {(['free', 'fixed', 'variable'] as const).map((k) => (
                <Radio key={k} value={k} label={t(`standard.feeKinds.${k}`)} description={t(`standard.feeKindHints.${k}`)} data-testid={`service-fee-kind-${k}`} />
              ))}
            </SimpleGrid>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {f.feeMode !== 'free' && (
              <NumberInput
                label={f.feeMode === 'fixed' ? t('standard.feeFixedAmount') : t('standard.feeFromAmount')}
                description={f.feeMode === 'fixed' ? t('standard.feeFixedHint') : t('standard.feeFromHint')}
                required={f.feeMode === 'fixed'}
                value={f.fee}
                onChange={(v) => set('fee', typeof v === 'number' ? v : '')}
                error={errors.fee}
                min={0}
                max={1_000_000_000}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator={lang === 'en' ? ',' : '.'}
                decimalSeparator={lang === 'en' ? '.' : ','}
                prefix="Rp"
                data-testid="service-fee"
              />
            )}
            <Stack gap={4} justify="flex-end">
              <Text size="sm" c="dimmed">
                {ta('form.published')}
              </Text>
              <Badge size="lg" variant="light" color={feePreview.kind === 'free' ? 'teal' : 'gray'} tt="none" style={{ alignSelf: 'flex-start' }} data-testid="service-fee-preview">
                {feePreview.text}
              </Badge>
            </Stack>
          </SimpleGrid>
          <Textarea
            label={t('standard.feeBasis')}
            description={t(`standard.feeBasisHints.${f.feeMode}`)}
            required={f.feeMode === 'variable'}
            autosize
            minRows={2}
            value={f.feeBasis}
            onChange={(e) => set('feeBasis', e.currentTarget.value)}
            error={errors.feeBasis}
            maxLength={1000}
            data-testid="service-fee-basis"
          />
          {f.feeMode === 'variable' && f.feeBasis.trim() && (
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {feePreview.basisLabel}:{' '}
              </Text>
              {f.feeBasis.trim()}
            </Text>
          )}
        </Section>

        <Section id="svc-product" title={`5. ${t('standard.product')}`}>
          <Textarea label={t('standard.product')} description={t('standard.productHint')} required autosize minRows={2} value={f.product} onChange={(e) => set('product', e.currentTarget.value)} error={errors.product} maxLength={1000} data-testid="service-product" />
        </Section>

        <Section id="svc-complaint" title={`6. ${t('standard.complaint')}`}>
          <Textarea
            label={t('standard.complaintChannel')}
            description={t('standard.complaintHint')}
            required
            autosize
            minRows={2}
            value={f.complaintChannel}
            onChange={(e) => set('complaintChannel', e.currentTarget.value)}
            error={errors.complaintChannel}
            maxLength={1000}
            data-testid="service-complaint"
          />
        </Section>

        <Card withBorder padding="lg" component="section" aria-labelledby="svc-internal">
          <UnstyledButton onClick={() => setInternalOpen((o) => !o)} aria-expanded={internalOpen} aria-controls="svc-internal-body" w="100%" data-testid="internal-toggle">
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Title order={3} size="h4" id="svc-internal">
                  {t('internal.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('internal.hint')}
                </Text>
              </div>
              <Group gap="xs" wrap="nowrap">
                {internalHasError && (
                  <Badge color="red" variant="light">
                    {ta('form.hasErrors')}
                  </Badge>
                )}
                {internalOpen ? <IconChevronDown size={20} aria-hidden="true" /> : <IconChevronRight size={20} aria-hidden="true" />}
              </Group>
            </Group>
          </UnstyledButton>
          <Collapse expanded={internalOpen} id="svc-internal-body">
            <Stack gap="sm" mt="md">
              {INTERNAL_TEXT_KEYS.slice(0, 4).map((k) => (
                <Textarea key={k} label={t(`internal.${k}`)} autosize minRows={2} maxRows={8} value={f.internal[k]} onChange={(e) => setInternal(k, e.currentTarget.value)} error={errors[`internal.${k}`]} maxLength={4000} />
              ))}
              <NumberInput
                label={t('internal.staffCount')}
                value={f.staffCount}
                onChange={(v) => set('staffCount', typeof v === 'number' ? v : '')}
                error={errors.staffCount}
                min={0}
                max={10000}
                allowDecimal={false}
                allowNegative={false}
                w={200}
              />
              {INTERNAL_TEXT_KEYS.slice(4).map((k) => (
                <Textarea key={k} label={t(`internal.${k}`)} autosize minRows={2} maxRows={8} value={f.internal[k]} onChange={(e) => setInternal(k, e.currentTarget.value)} error={errors[`internal.${k}`]} maxLength={4000} />
              ))}
            </Stack>
          </Collapse>
        </Card>

        <Section id="svc-operations" title={t('service.operations')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('service.walkInQuota')}
              description={t('service.walkInQuotaHint')}
              value={f.walkInQuota}
              onChange={(v) => set('walkInQuota', typeof v === 'number' ? v : '')}
              error={errors.walkInQuota}
              min={0}
              max={100000}
              allowDecimal={false}
              allowNegative={false}
            />
            <NumberInput
              label={t('service.bookingQuota')}
              description={t('service.bookingQuotaHint')}
              value={f.bookingQuota}
              onChange={(v) => set('bookingQuota', typeof v === 'number' ? v : '')}
              error={errors.bookingQuota}
              min={0}
              max={100000}
              allowDecimal={false}
              allowNegative={false}
            />
          </SimpleGrid>
          <Switch label={t('service.bookableLabel')} description={t('service.bookableHint')} checked={f.bookable} onChange={(e) => set('bookable', e.currentTarget.checked)} data-testid="service-bookable" />
          <Switch label={t('service.activeLabel')} description={t('service.activeHint')} checked={f.active} onChange={(e) => set('active', e.currentTarget.checked)} />
          <Switch label={t('service.ownHours')} description={t('service.ownHoursHint')} checked={f.ownHours} onChange={(e) => set('ownHours', e.currentTarget.checked)} />
          {f.ownHours && <HoursEditor legend={t('service.hours')} value={f.hours} onChange={(h) => set('hours', h)} errors={errors} />}
        </Section>

        <PageFormActions cancelTo="/admin/catalog/services" submitLabel={service ? ta('common.save') : t('service.create')} loading={save.isPending} testId="service-save">
          {service && (
            <Button variant="subtle" component={Link} to={`/layanan/${service.id}`} target="_blank" rightSection={<IconExternalLink size={14} aria-hidden="true" />}>
              {t('service.viewPublic')}
            </Button>
          )}
        </PageFormActions>
      </Stack>
    </form>
  );
}

/** `/admin/catalog/services/new` and `/admin/catalog/services/:id`: the service and its standard. */
export default function ServiceFormPage() {
  const { t } = useTranslation('catalog');
  const { id } = useParams();
  const scope = useCatalogScope();
  const service = useService(scope.siteId as string, id);
  const agencies = useAgencyOptions(scope.siteId ?? undefined);
  const title = id ? (service.data ? service.data.name : t('service.editTitle')) : t('service.newTitle');

  return (
    <Stack gap="md">
      <FormBreadcrumbs listTo="/admin/catalog/services" listLabel={t('tabs.services')} title={title} />
      <AdminHeader title={title} description={t('service.formIntro')} />
      {(id && service.isPending) || agencies.isPending ? (
        <TableSkeleton rows={10} />
      ) : id && service.isError ? (
        <QueryError error={service.error} onRetry={() => void service.refetch()} />
      ) : agencies.isError ? (
        <QueryError error={agencies.error} onRetry={() => void agencies.refetch()} />
      ) : (
        <ServiceForm key={service.data?.id ?? 'new'} service={service.data} agencies={agencies.data.items} />
      )}
    </Stack>
  );
}
