import { Alert, Button, Card, Checkbox, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { fieldErrors, problemMessage } from '../../../lib/errors';
import { usePublicAgencies, usePublicService, useSites } from '../../catalog/api';
import { useCreateConsent, useDocuments, useReadiness } from '../api';
import '../i18n';
import { CONSENT_DEFAULT_DAYS, CONSENT_MAX_DAYS, type ConsentCreated } from '../types';

/**
 * A new consent: one agency, the documents chosen, a purpose and a period (default 7 days, at
 * most 30). Opened from a service (?service=), it starts with that service's agency, its name as
 * the purpose and the wallet's documents for its requirements ticked.
 */
export function ShareForm({ onCreated }: { onCreated: (c: ConsentCreated, agency: string) => void }) {
  const { t } = useTranslation('citizens');
  const [params] = useSearchParams();
  const serviceId = params.get('service') ?? undefined;
  const service = usePublicService(serviceId);
  const readiness = useReadiness(serviceId);
  const sites = useSites();
  const docs = useDocuments();
  const create = useCreateConsent();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [purpose, setPurpose] = useState('');
  const [days, setDays] = useState<number | string>(CONSENT_DEFAULT_DAYS);
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const agencies = usePublicAgencies(siteId ?? undefined);

  // One MPP: chosen for the citizen. From a service: its site, agency, name and documents.
  useEffect(() => {
    if (!siteId && sites.data?.length === 1) setSiteId(sites.data[0].id);
  }, [sites.data, siteId]);
  useEffect(() => {
    if (!service.data) return;
    setSiteId(service.data.site.id);
    setAgencyId(service.data.agency.id);
    setPurpose((p) => p || service.data.name);
  }, [service.data]);
  useEffect(() => {
    const ids = readiness.data?.requirements.map((r) => r.documentId).filter((d): d is string => !!d);
    if (ids?.length) setChosen((c) => (c.length ? c : ids));
  }, [readiness.data]);

  const shareable = (docs.data ?? []).filter((d) => d.status !== 'rejected' && d.file);
  const server = create.isError ? fieldErrors(create.error) : {};
  const err = (f: string) => local[f] ?? server[`body.${f}`];
  const summary = create.isError && !['agencyId', 'documentIds', 'purpose', 'expiresInDays'].some((f) => server[`body.${f}`]) ? problemMessage(create.error) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = {
      agencyId: agencyId ? undefined : t('shares.needAgency'),
      documentIds: chosen.length ? undefined : t('shares.needDocuments'),
      purpose: purpose.trim().length >= 3 ? undefined : t('shares.needPurpose'),
    };
    setLocal(found);
    if (Object.values(found).some(Boolean) || !agencyId) return;
    const agency = agencies.data?.find((a) => a.id === agencyId)?.name ?? '';
    create.mutate({ agencyId, documentIds: chosen, purpose: purpose.trim(), expiresInDays: Number(days) || CONSENT_DEFAULT_DAYS }, { onSuccess: (c) => (onCreated(c, agency), setChosen([])) });
  };

  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate aria-labelledby="share-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="share-title">
          {t('shares.create')}
        </Title>
        {(sites.data?.length ?? 0) > 1 && (
          <Select label={t('shares.site')} data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))} value={siteId} onChange={(v) => (setSiteId(v), setAgencyId(null))} data-testid="share-site" />
        )}
        <Select
          label={t('shares.agency')}
          placeholder={t('shares.agencyPlaceholder')}
          data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={agencyId}
          onChange={setAgencyId}
          searchable
          required
          disabled={!siteId}
          error={err('agencyId')}
          data-testid="share-agency"
        />
        {shareable.length === 0 && !docs.isPending ? (
          <Text size="sm" c="dimmed">
            {t('shares.noDocuments')}
          </Text>
        ) : (
          <Checkbox.Group label={t('shares.documents')} value={chosen} onChange={setChosen} error={err('documentIds')} required>
            <Stack gap={6} mt={6}>
              {shareable.map((d) => (
                <Checkbox key={d.id} value={d.id} label={d.file ? `${d.name} (${d.file.filename})` : d.name} data-testid="share-document" />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <TextInput label={t('shares.purpose')} placeholder={t('shares.purposeHint')} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} required maxLength={200} error={err('purpose')} data-testid="share-purpose" />
        <NumberInput label={t('shares.days')} description={t('shares.daysHint', { max: CONSENT_MAX_DAYS })} min={1} max={CONSENT_MAX_DAYS} clampBehavior="strict" allowDecimal={false} value={days} onChange={setDays} error={err('expiresInDays')} w={200} data-testid="share-days" />
        {summary && (
          <Alert color="red" role="alert">
            {summary}
          </Alert>
        )}
        <Button type="submit" leftSection={<IconShare size={16} aria-hidden="true" />} loading={create.isPending} disabled={shareable.length === 0} style={{ alignSelf: 'flex-start' }} data-testid="share-submit">
          {t('shares.submit')}
        </Button>
      </Stack>
    </Card>
  );
}
