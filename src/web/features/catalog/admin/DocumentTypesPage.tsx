import { Alert, Badge, Button, Checkbox, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconFileDescription, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../lib/errors';
import type { DocumentTypeAdmin } from '../types';
import { ActiveBadge, AdminHeader, DialogFormActions, EditButton, FormAlert, isFiltered, ListFilters, PagedTable, RowActions, useAdminSubmit, useConfirm, useFormValues, useListParams } from '../../../app/admin';
import { useCurrentUser } from '../../access/api';
import { useAdminDocumentTypes, useSaveDocumentType, useSetDocumentTypeActive } from './api';
import { useCatalogScope } from './scope';
import { can } from '../../../app/policy';

const PAGE_SIZE = 25;
const KEY_RE = /^[a-z0-9][a-z0-9_-]{1,59}$/;

/** "Surat Pengantar RT/RW" → "surat-pengantar-rt-rw": a key suggested from the name until the key is typed. */
function keyFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

interface Form {
  key: string;
  name: string;
  description: string;
}

const FIELDS = new Set(['key', 'name', 'description']);

/**
 * `siteId`: the site of the page. A site admin's new type is that site's own; the platform admin
 * chooses (shared by default). Shared types are the platform admin's to edit (the server checks).
 */
function DocumentTypeForm({ docType, siteId, platformAdmin, onDone }: { docType?: DocumentTypeAdmin; siteId: string | null; platformAdmin: boolean; onDone: () => void }) {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const save = useSaveDocumentType(docType?.id);
  const [onlyThisSite, setOnlyThisSite] = useState(!platformAdmin);
  const { formRef, server, errors, clear, submit: send } = useAdminSubmit(save, (f) => FIELDS.has(f));
  const [f, set, setF] = useFormValues<Form>(() => ({ key: docType?.key ?? '', name: docType?.name ?? '', description: docType?.description ?? '' }), clear);
  // While creating, the key follows the name until the admin types one.
  const [keyTouched, setKeyTouched] = useState(!!docType);

  const setName = (name: string) => {
    setF((s) => ({ ...s, name, key: keyTouched ? s.key : keyFromName(name) }));
    clear('name');
    if (!keyTouched) clear('key');
  };

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (f.name.trim().length < 2) e.name = ta('form.minChars', { count: 2 });
    if (!docType && !KEY_RE.test(f.key.trim())) e.key = t('documentType.keyRule');
    send(
      e,
      { ...(docType ? {} : { key: f.key.trim(), siteId: onlyThisSite ? siteId : null }), name: f.name.trim(), description: f.description.trim() || null },
      { success: (saved) => (docType ? t('documentType.saved', { name: saved.name }) : t('documentType.created', { name: saved.name })), onSaved: onDone },
    );
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert message={server.summary} />
        <TextInput
          label={t('documentType.name')}
          description={t('documentType.nameHint')}
          required
          value={f.name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          maxLength={160}
          data-autofocus
          data-testid="doctype-name"
        />
        {docType ? (
          <TextInput label={t('documentType.key')} description={t('documentType.keyFixed')} value={docType.key} readOnly variant="filled" styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
        ) : (
          <TextInput
            label={t('documentType.key')}
            description={t('documentType.keyHint')}
            required
            value={f.key}
            onChange={(e) => {
              setKeyTouched(true);
              set('key', e.currentTarget.value.toLowerCase());
            }}
            error={errors.key}
            maxLength={60}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-testid="doctype-key"
          />
        )}
        <Textarea
          label={t('documentType.description')}
          description={t('documentType.descriptionHint')}
          autosize
          minRows={2}
          maxRows={6}
          value={f.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errors.description}
          maxLength={1000}
          data-testid="doctype-description"
        />
        {!docType && platformAdmin && siteId && (
          <Checkbox label={t('documentType.onlyThisSite')} description={t('documentType.onlyThisSiteHint')} checked={onlyThisSite} onChange={(e) => setOnlyThisSite(e.currentTarget.checked)} data-testid="doctype-only-site" />
        )}
        {docType && (docType.siteId === null ? docType.serviceCount > 0 : true) && (
          <Text size="sm" c="dimmed">
            {docType.siteId === null ? t('documentType.sharedNote') : t('documentType.siteNote')}
          </Text>
        )}
        <DialogFormActions onCancel={onDone} submitLabel={docType ? ta('common.save') : t('documentType.create')} loading={save.isPending} testId="doctype-save" />
      </Stack>
    </form>
  );
}

/** Jenis dokumen: the shared requirement documents (platform admin's) and this site's own. */
export default function DocumentTypesPage() {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const list = useListParams();
  const scope = useCatalogScope();
  const platformAdmin = can(useCurrentUser(), 'platform.manage');
  // The shared types and this site's own.
  const docTypes = useAdminDocumentTypes({ q: list.q, page: list.page, pageSize: PAGE_SIZE, status: list.status, siteId: scope.siteId ?? undefined });
  const setActive = useSetDocumentTypeActive();
  const [editing, setEditing] = useState<DocumentTypeAdmin | 'new' | null>(null);
  const [confirmNode, confirm] = useConfirm();

  const toggle = async (d: DocumentTypeAdmin) => {
    if (d.active) {
      const ok = await confirm({
        title: t('documentType.deactivateTitle'),
        message: t('documentType.deactivateMessage', { name: d.name, count: d.serviceCount }),
        confirmLabel: t('documentType.deactivate'),
        danger: true,
      });
      if (!ok) return;
    }
    setActive.mutate({ id: d.id, active: !d.active }, { onSuccess: () => notifySuccess(d.active ? t('documentType.deactivated', { name: d.name }) : t('documentType.activated', { name: d.name })) });
  };

  return (
    <Stack gap="md">
      {confirmNode}
      <AdminHeader
        title={t('tabs.documentTypes')}
        description={t('documentType.intro')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')} data-testid="doctype-new">
            {t('documentType.new')}
          </Button>
        }
      />
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden="true" />}>
        {t('documentType.sharedNote')}
      </Alert>
      <ListFilters list={list} searchPlaceholder={t('documentType.searchPlaceholder')} />

      <PagedTable
        query={docTypes}
        empty={{
          icon: <IconFileDescription size={36} aria-hidden="true" />,
          title: isFiltered(list) ? ta('common.noMatches') : t('documentType.emptyTitle'),
          description: isFiltered(list) ? ta('common.noMatchesHint') : t('documentType.emptyHint'),
        }}
        minWidth={720}
        caption={t('documentType.tableCaption')}
        head={
          <>
            <Table.Th>{t('documentType.name')}</Table.Th>
            <Table.Th>{t('documentType.key')}</Table.Th>
            <Table.Th>{t('documentType.usage')}</Table.Th>
            <Table.Th>{ta('common.status')}</Table.Th>
          </>
        }
        row={(d) => (
          <Table.Tr key={d.id} data-testid="doctype-row">
            <Table.Td>
              <Text size="sm" fw={500}>
                {d.name}
              </Text>
              {d.description && (
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {d.description}
                </Text>
              )}
              <Badge size="xs" variant="light" color={d.siteId === null ? 'blue' : 'grape'} mt={4} data-testid="doctype-owner">
                {d.siteId === null ? t('documentType.sharedBadge') : t('documentType.siteBadge')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {d.key}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c={d.serviceCount ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                {d.serviceCount ? t('documentType.usageCount', { count: d.serviceCount }) : t('documentType.unused')}
              </Text>
            </Table.Td>
            <Table.Td>
              <ActiveBadge active={d.active} />
            </Table.Td>
            <Table.Td>
              {!d.editable ? (
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="doctype-readonly">
                  {t('documentType.managedByPlatform')}
                </Text>
              ) : (
                <RowActions>
                  <EditButton onClick={() => setEditing(d)} name={d.name} />
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color={d.active ? 'red' : 'green'}
                    onClick={() => void toggle(d)}
                    loading={setActive.isPending && setActive.variables?.id === d.id}
                    aria-label={`${d.active ? t('documentType.deactivate') : t('documentType.activate')}: ${d.name}`}
                    data-testid="doctype-toggle"
                  >
                    {d.active ? t('documentType.deactivate') : t('documentType.activate')}
                  </Button>
                </RowActions>
              )}
            </Table.Td>
          </Table.Tr>
        )}
        pagerLabel={t('documentType.pagination')}
        onPage={(page) => list.set({ page })}
      />

      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('documentType.newTitle') : t('documentType.editTitle', { name: editing?.name ?? '' })} size="lg">
        {editing !== null && <DocumentTypeForm key={editing === 'new' ? 'new' : editing.id} docType={editing === 'new' ? undefined : editing} siteId={scope.siteId} platformAdmin={platformAdmin} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
