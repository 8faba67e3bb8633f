import { Accordion, Badge, Button, Card, Checkbox, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { DateField } from '../../../app/admin';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../lib/errors';
import { useUpdateChecklist } from '../api';
import { NS } from '../i18n';
import { reached, type ChecklistItemState, type MppRecord, type ReachableStage } from '../types';

type Value = boolean | number | string | null;

/** The checklist of every stage: document items follow the evidence, the rest is entered here. */
export function ChecklistCard({ record, editable }: { record: MppRecord; editable: boolean }) {
  const { t } = useTranslation(NS);
  const open = record.checklist.filter((c) => reached(record.stage, c.stage as ReachableStage) || c.stage === record.next?.stage).map((c) => c.stage);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="checklist-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="checklist-title">
          {t('record.checklist')}
        </Title>
        <Accordion multiple defaultValue={open} variant="separated">
          {record.checklist.map((c) => {
            const done = c.items.filter((i) => i.done).length;
            return (
              <Accordion.Item key={c.stage} value={c.stage}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" pr="sm">
                    <Text fw={600}>{t(`stage.${c.stage as ReachableStage}`)}</Text>
                    <Badge color={done === c.items.length ? 'green' : 'gray'} variant="light">
                      {t('check.progress', { done, total: c.items.length })}
                    </Badge>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <StageChecklist regencyCode={record.regencyCode} stage={c.stage as ReachableStage} items={c.items} editable={editable} siteLinked={!!record.site} />
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      </Stack>
    </Card>
  );
}

function StageChecklist({ regencyCode, stage, items, editable, siteLinked }: { regencyCode: string; stage: ReachableStage; items: ChecklistItemState[]; editable: boolean; siteLinked: boolean }) {
  const { t } = useTranslation(NS);
  const save = useUpdateChecklist(regencyCode);
  const [values, setValues] = useState<Record<string, Value>>({});
  const key = (i: ChecklistItemState) => `${stage}.${i.key}`;
  const valueOf = (i: ChecklistItemState): Value => (key(i) in values ? values[key(i)] : i.value);
  const set = (i: ChecklistItemState, v: Value) => setValues((s) => ({ ...s, [key(i)]: v }));
  const dirty = Object.keys(values).length > 0;
  const label = (i: ChecklistItemState) => t(`check.${i.key}` as 'check.surat_usulan');

  const field = (i: ChecklistItemState) => {
    const v = valueOf(i);
    switch (i.type) {
      case 'check':
        return <Checkbox label={label(i)} checked={v === true} onChange={(e) => set(i, e.currentTarget.checked)} disabled={!editable} />;
      case 'date':
        return <DateField label={label(i)} value={typeof v === 'string' ? v : ''} onChange={(d) => set(i, d || null)} disabled={!editable} maw={240} />;
      case 'percent':
      case 'agencies_planned':
        return <NumberInput label={label(i)} value={typeof v === 'number' ? v : ''} onChange={(n) => set(i, n === '' ? null : Number(n))} min={0} max={i.type === 'percent' ? 100 : 500} allowDecimal={false} disabled={!editable} maw={240} />;
      case 'agencies_serving':
        return siteLinked ? (
          <Derived item={i} text={`${label(i)}: ${i.target ? t('check.ofTarget', { value: i.value ?? 0, target: i.target }) : (i.value ?? 0)} (${t('check.fromSite')})`} />
        ) : (
          <NumberInput label={label(i)} value={typeof v === 'number' ? v : ''} onChange={(n) => set(i, n === '' ? null : Number(n))} min={0} max={500} allowDecimal={false} disabled={!editable} maw={240} />
        );
      case 'agency_documents':
        return <Derived item={i} text={`${label(i)}: ${i.target ? t('check.ofTarget', { value: i.value ?? 0, target: i.target }) : t('check.documents', { count: Number(i.value ?? 0) })}`} />;
      case 'document':
        return <Derived item={i} text={`${label(i)} (${t('check.documents', { count: Number(i.value ?? 0) })})`} />;
    }
  };

  return (
    <Stack gap="sm">
      {items.map((i) => (
        <div key={i.key}>{field(i)}</div>
      ))}
      {editable && (
        <Group>
          <Button size="xs" variant="light" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(values, { onSuccess: () => (setValues({}), notifySuccess(t('check.saved', { stage: t(`stage.${stage}`) }))) })}>
            {t('check.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Derived({ item, text }: { item: ChecklistItemState; text: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      {item.done ? <IconCircleCheck size={18} color="#2b8a3e" aria-hidden="true" /> : <IconCircleDashed size={18} color="#868e96" aria-hidden="true" />}
      <Text size="sm">{text}</Text>
    </Group>
  );
}
