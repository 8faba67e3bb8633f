import { ActionIcon, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentType } from '../types';

let seq = 0;
/** A stable key for a new row (so focus stays on a moved row's button). */
export const rowKey = (): string => `r${++seq}`;

export interface RequirementRow {
  key: string;
  documentTypeKey: string;
  note: string;
}
export interface StepRow {
  key: string;
  text: string;
}

function move<T>(list: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

function RowTools({ index, count, onMove, onRemove, what }: { index: number; count: number; onMove: (by: -1 | 1) => void; onRemove: () => void; what: string }) {
  const { t } = useTranslation('catalog');
  return (
    <Group gap={2} wrap="nowrap" mt={4}>
      <ActionIcon variant="subtle" color="gray" onClick={() => onMove(-1)} disabled={index === 0} aria-label={t('list.moveUp', { what })}>
        <IconArrowUp size={16} aria-hidden="true" />
      </ActionIcon>
      <ActionIcon variant="subtle" color="gray" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t('list.moveDown', { what })}>
        <IconArrowDown size={16} aria-hidden="true" />
      </ActionIcon>
      <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('list.remove', { what })}>
        <IconTrash size={16} aria-hidden="true" />
      </ActionIcon>
    </Group>
  );
}

/** Persyaratan: a document type from the shared list, with a note ("asli", "fotokopi 2 lembar"). */
export function RequirementsEditor({ rows, onChange, documentTypes, errors, loading }: { rows: RequirementRow[]; onChange: (r: RequirementRow[]) => void; documentTypes: DocumentType[]; errors: Record<string, string>; loading?: boolean }) {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const data = documentTypes.filter((d) => d.active || rows.some((r) => r.documentTypeKey === d.key)).map((d) => ({ value: d.key, label: d.name }));
  const set = (i: number, patch: Partial<RequirementRow>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs" data-testid="requirements-editor">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('standard.noRequirementsYet')}
        </Text>
      )}
      {rows.map((r, i) => {
        const what = t('list.requirementN', { n: i + 1 });
        return (
          <Group key={r.key} align="flex-start" gap="xs" wrap="nowrap" role="group" aria-label={what}>
            <Text w={24} mt={8} ta="right" c="dimmed" aria-hidden="true">
              {i + 1}.
            </Text>
            <Select
              flex={2}
              label={t('standard.document')}
              placeholder={loading ? ta('common.loading') : t('standard.documentPlaceholder')}
              data={data}
              value={r.documentTypeKey || null}
              onChange={(v) => set(i, { documentTypeKey: v ?? '' })}
              searchable
              nothingFoundMessage={t('standard.noDocumentType')}
              error={errors[`requirements.${i}.documentTypeKey`] ?? errors[`requirements.${i}`]}
              required
              data-testid={`requirement-doc-${i}`}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              flex={2}
              label={t('standard.note')}
              placeholder={t('standard.notePlaceholder')}
              value={r.note}
              onChange={(e) => set(i, { note: e.currentTarget.value })}
              error={errors[`requirements.${i}.note`]}
              maxLength={500}
              data-testid={`requirement-note-${i}`}
            />
            <div style={{ marginTop: 22 }}>
              <RowTools index={i} count={rows.length} what={what} onMove={(by) => onChange(move(rows, i, by))} onRemove={() => onChange(rows.filter((_, k) => k !== i))} />
            </div>
          </Group>
        );
      })}
      <Button variant="light" size="xs" w="fit-content" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => onChange([...rows, { key: rowKey(), documentTypeKey: '', note: '' }])} data-testid="requirement-add">
        {t('standard.addRequirement')}
      </Button>
      {errors.requirements && (
        <Text c="red" size="sm">
          {errors.requirements}
        </Text>
      )}
    </Stack>
  );
}

/** Prosedur: numbered steps, added, removed and reordered with buttons (keyboard friendly). */
export function StepsEditor({ rows, onChange, errors }: { rows: StepRow[]; onChange: (r: StepRow[]) => void; errors: Record<string, string> }) {
  const { t } = useTranslation('catalog');
  return (
    <Stack gap="xs" data-testid="procedure-editor">
      {rows.map((r, i) => {
        const what = t('list.stepN', { n: i + 1 });
        return (
          <Group key={r.key} align="flex-start" gap="xs" wrap="nowrap">
            <Text w={24} mt={8} ta="right" fw={600} aria-hidden="true">
              {i + 1}.
            </Text>
            <Textarea
              flex={1}
              aria-label={what}
              autosize
              minRows={1}
              maxRows={5}
              value={r.text}
              onChange={(e) => onChange(rows.map((x, k) => (k === i ? { ...x, text: e.currentTarget.value } : x)))}
              error={errors[`procedure.${i}`]}
              maxLength={1000}
              data-testid={`procedure-step-${i}`}
            />
            <RowTools index={i} count={rows.length} what={what} onMove={(by) => onChange(move(rows, i, by))} onRemove={() => onChange(rows.filter((_, k) => k !== i))} />
          </Group>
        );
      })}
      <Button variant="light" size="xs" w="fit-content" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => onChange([...rows, { key: rowKey(), text: '' }])} data-testid="procedure-add">
        {t('standard.addStep')}
      </Button>
      {errors.procedure && (
        <Text c="red" size="sm">
          {errors.procedure}
        </Text>
      )}
    </Stack>
  );
}
