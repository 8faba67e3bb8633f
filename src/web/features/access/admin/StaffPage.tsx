import { ActionIcon, Alert, Badge, Button, Code, CopyButton, Group, Menu, Modal, NativeSelect, PasswordInput, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconDots, IconKey, IconPlus, IconTrash, IconUserOff, IconUsers } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActiveBadge, AdminHeader, DialogFormActions, EditButton, FilterSelect, FormAlert, isFiltered, ListFilters, PagedTable, RowActions, useAdminSubmit, useConfirm, useListParams, useToggleActive, type ActivationTexts } from '../../../app/admin';
import { useSiteId } from '../../../app/currentSite';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { useAgencyOptions } from '../../catalog/admin/api';
import { STAFF_ROLES, type AgencyAdmin, type StaffRole, type StaffUser } from '../../catalog/types';
import '../i18n';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../types';
import { useResetStaffPassword, useSaveStaff, useSetStaffActive, useStaff } from './api';

const PAGE_SIZE = 25;
const NEEDS_AGENCY = new Set(['agency_admin', 'officer']);

interface MembershipRow {
  key: number;
  role: StaffRole;
  agencyId: string;
}

let seq = 0;

function MembershipsEditor({ rows, onChange, agencies, errors }: { rows: MembershipRow[]; onChange: (r: MembershipRow[]) => void; agencies: AgencyAdmin[]; errors: Record<string, string> }) {
  const { t } = useTranslation('access');
  const { t: tc } = useTranslation();
  const set = (i: number, patch: Partial<MembershipRow>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs" role="group" aria-label={t('staff.roles')}>
      <Text size="sm" fw={500}>
        {t('staff.roles')}
      </Text>
      {rows.map((r, i) => (
        <Group key={r.key} align="flex-start" gap="xs" wrap="nowrap">
          <NativeSelect
            flex={1}
            aria-label={t('staff.roleN', { n: i + 1 })}
            value={r.role}
            onChange={(e) => set(i, { role: e.currentTarget.value as StaffRole, agencyId: NEEDS_AGENCY.has(e.currentTarget.value) ? r.agencyId : '' })}
            data={STAFF_ROLES.map((role) => ({ value: role, label: tc(`roles.${role}`) }))}
            error={errors[`memberships.${i}.role`]}
            data-testid={`staff-role-${i}`}
          />
          {NEEDS_AGENCY.has(r.role) ? (
            <NativeSelect
              flex={1}
              aria-label={t('staff.agencyN', { n: i + 1 })}
              value={r.agencyId}
              onChange={(e) => set(i, { agencyId: e.currentTarget.value })}
              data={[{ value: '', label: t('staff.chooseAgency') }, ...agencies.map((a) => ({ value: a.id, label: `${a.shortName} · ${a.name}` }))]}
              error={errors[`memberships.${i}.agencyId`]}
              data-testid={`staff-agency-${i}`}
            />
          ) : (
            <Text flex={1} size="sm" c="dimmed" mt={6}>
              {t('staff.wholeSite')}
            </Text>
          )}
          <ActionIcon variant="subtle" color="red" mt={4} onClick={() => onChange(rows.filter((_, k) => k !== i))} disabled={rows.length === 1} aria-label={t('staff.removeRole', { n: i + 1 })}>
            <IconTrash size={16} aria-hidden="true" />
          </ActionIcon>
        </Group>
      ))}
      <Button variant="light" size="xs" w="fit-content" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => onChange([...rows, { key: ++seq, role: 'officer', agencyId: '' }])}>
        {t('staff.addRole')}
      </Button>
      {errors.memberships && (
        <Text c="red" size="sm">
          {errors.memberships}
        </Text>
      )}
    </Stack>
  );
}

const STAFF_FIELDS = (f: string) => ['username', 'displayName', 'password', 'memberships'].includes(f) || f.startsWith('memberships.');

function StaffForm({ user, agencies, onDone }: { user?: StaffUser; agencies: AgencyAdmin[]; onDone: () => void }) {
  const { t } = useTranslation('access');
  const { t: ta } = useTranslation('admin');
  const save = useSaveStaff(useSiteId(), user?.id);
  const form = useAdminSubmit(save, STAFF_FIELDS);
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [password, setPassword] = useState('');
  const [rows, setRows] = useState<MembershipRow[]>(() =>
    user?.memberships.length ? user.memberships.map((m) => ({ key: ++seq, role: m.role as StaffRole, agencyId: m.agencyId ?? '' })) : [{ key: ++seq, role: 'officer', agencyId: agencies.length === 1 ? agencies[0].id : '' }],
  );
  const errors = form.errors;

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!user && !USERNAME_PATTERN.test(username.trim())) e.username = t('staff.usernameRule');
    if (!displayName.trim()) e.displayName = ta('form.required');
    if (!user && password.length < MIN_PASSWORD_LENGTH) e.password = t('staff.passwordRule', { min: MIN_PASSWORD_LENGTH });
    rows.forEach((r, i) => {
      if (NEEDS_AGENCY.has(r.role) && !r.agencyId) e[`memberships.${i}.agencyId`] = t('staff.agencyNeeded');
    });
    const name = displayName.trim();
    form.submit(
      e,
      {
        username: user ? undefined : username.trim(),
        displayName: name,
        password: user ? undefined : password,
        memberships: rows.map((r) => ({ role: r.role, agencyId: NEEDS_AGENCY.has(r.role) ? r.agencyId : null })),
      },
      { success: () => (user ? t('staff.saved', { name }) : t('staff.created', { name })), onSaved: onDone },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.server.summary} />
        <TextInput
          label={t('staff.username')}
          description={user ? undefined : t('staff.usernameHint')}
          required
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={errors.username}
          disabled={!!user}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          data-testid="staff-username"
        />
        <TextInput label={t('staff.displayName')} required value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={errors.displayName} maxLength={120} data-testid="staff-display-name" />
        {!user && (
          <PasswordInput
            label={t('staff.initialPassword')}
            description={t('staff.passwordRule', { min: MIN_PASSWORD_LENGTH })}
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            autoComplete="new-password"
            data-testid="staff-password"
          />
        )}
        <MembershipsEditor rows={rows} onChange={setRows} agencies={agencies} errors={errors} />
        <DialogFormActions onCancel={onDone} submitLabel={user ? ta('common.save') : t('staff.create')} loading={form.pending} testId="staff-save" />
      </Stack>
    </form>
  );
}

function TemporaryPassword({ value, name, onClose }: { value: string; name: string; onClose: () => void }) {
  const { t } = useTranslation('access');
  const { t: ta } = useTranslation('admin');
  return (
    <Stack gap="sm">
      <Text>{t('staff.tempPasswordIntro', { name })}</Text>
      <Group gap="xs" wrap="nowrap">
        <Code fz="lg" p="sm" data-testid="temp-password" style={{ userSelect: 'all', wordBreak: 'break-all' }}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? ta('common.copied') : ta('common.copy')}>
              <ActionIcon variant="light" onClick={copy} aria-label={ta('common.copy')} color={copied ? 'teal' : undefined}>
                {copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Alert color="yellow">{t('staff.tempPasswordOnce')}</Alert>
      <Group justify="flex-end">
        <Button onClick={onClose}>{ta('common.done')}</Button>
      </Group>
    </Stack>
  );
}

/** Petugas: the site's staff (officers, agency admins, site admins), roles, deactivation, password resets. */
export default function StaffPage() {
  const { t } = useTranslation('access');
  const { t: ta } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const siteId = useSiteId();
  const list = useListParams(['role'] as const);
  const staff = useStaff(siteId, { q: list.q, page: list.page, pageSize: PAGE_SIZE, status: list.status, role: list.values.role || undefined });
  const agencies = useAgencyOptions(siteId);
  const setActive = useSetStaffActive(siteId);
  const reset = useResetStaffPassword(siteId);
  const [editing, setEditing] = useState<StaffUser | 'new' | null>(null);
  const [temp, setTemp] = useState<{ name: string; password: string } | null>(null);
  const [confirmNode, confirm] = useConfirm();
  const activeAgencies = (agencies.data?.items ?? []).filter((a) => a.active);

  const activation: ActivationTexts = (k, v) => t(`staff.${k}`, v);
  const toggle = useToggleActive(activation, setActive, confirm);
  const toggleActive = (u: StaffUser) => toggle(u, u.displayName);
  const resetPassword = async (u: StaffUser) => {
    const ok = await confirm({ title: t('staff.resetTitle'), message: t('staff.resetMessage', { name: u.displayName }), confirmLabel: t('staff.reset'), danger: true });
    if (!ok) return;
    reset.mutate(
      { id: u.id },
      {
        onSuccess: (r) => {
          if (r.temporaryPassword) setTemp({ name: u.displayName, password: r.temporaryPassword });
          else notifySuccess(t('staff.resetDone', { name: u.displayName }));
        },
        onError: (err) => notifyError(err),
      },
    );
  };
  const roleText = (u: StaffUser) =>
    u.memberships.map((m) => (m.agencyName ? `${tc(`roles.${m.role}`, { defaultValue: m.role })} · ${m.agencyName}` : tc(`roles.${m.role}`, { defaultValue: m.role })));

  return (
    <Stack gap="md">
      {confirmNode}
      <AdminHeader
        title={t('staff.title')}
        description={t('staff.intro')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')} disabled={agencies.isPending} data-testid="staff-new">
            {t('staff.new')}
          </Button>
        }
      />
      <ListFilters list={list} searchPlaceholder={t('staff.searchPlaceholder')}>
        <FilterSelect list={list} param="role" label={t('staff.role')} allLabel={ta('common.all')} options={STAFF_ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))} w={200} />
      </ListFilters>

      <PagedTable
        query={staff}
        empty={{ icon: <IconUsers size={36} aria-hidden="true" />, title: isFiltered(list) ? ta('common.noMatches') : t('staff.emptyTitle'), description: t('staff.emptyHint') }}
        minWidth={760}
        caption={t('staff.tableCaption')}
        head={
          <>
            <Table.Th>{t('staff.displayName')}</Table.Th>
            <Table.Th>{t('staff.username')}</Table.Th>
            <Table.Th>{t('staff.roles')}</Table.Th>
            <Table.Th>{ta('common.status')}</Table.Th>
          </>
        }
        row={(u) => (
          <Table.Tr key={u.id} data-testid="staff-row">
            <Table.Td>
              <Text size="sm" fw={500}>
                {u.displayName}
              </Text>
              <Group gap={4}>
                {u.isDemo && (
                  <Badge size="xs" variant="outline" color="gray">
                    {t('staff.demo')}
                  </Badge>
                )}
                {u.elsewhere && (
                  <Badge size="xs" variant="light" color="gray" tt="none">
                    {t('staff.elsewhere')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {u.username}
              </Text>
            </Table.Td>
            <Table.Td>
              {roleText(u).map((r) => (
                <Text key={r} size="xs">
                  {r}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>
              <ActiveBadge active={u.active} />
            </Table.Td>
            <Table.Td>
              <RowActions>
                <EditButton onClick={() => setEditing(u)} name={u.displayName} />
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={ta('common.moreActionsFor', { name: u.displayName })}>
                      <IconDots size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item leftSection={<IconKey size={14} aria-hidden="true" />} onClick={() => void resetPassword(u)}>
                      {t('staff.reset')}
                    </Menu.Item>
                    <Menu.Item color={u.active ? 'red' : 'green'} leftSection={<IconUserOff size={14} aria-hidden="true" />} onClick={() => void toggleActive(u)}>
                      {u.active ? t('staff.deactivate') : t('staff.activate')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </RowActions>
            </Table.Td>
          </Table.Tr>
        )}
        pagerLabel={t('staff.pagination')}
        onPage={(page) => list.set({ page })}
      />

      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('staff.newTitle') : t('staff.editTitle', { name: editing?.displayName ?? '' })} size="lg">
        {editing !== null && <StaffForm key={editing === 'new' ? 'new' : editing.id} user={editing === 'new' ? undefined : editing} agencies={activeAgencies} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={temp !== null} onClose={() => setTemp(null)} title={t('staff.tempPasswordTitle')}>
        {temp && <TemporaryPassword value={temp.password} name={temp.name} onClose={() => setTemp(null)} />}
      </Modal>
    </Stack>
  );
}
