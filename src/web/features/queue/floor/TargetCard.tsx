import { Button, Card, Group, NumberInput, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, useFormErrors } from '../../../app/admin';
import { notifySuccess } from '../../../lib/errors';
import { useSaveTarget } from './api';

/** Site admins: the target wait beyond which a waiting ticket is marked (the site's queue setting). */
export function TargetCard({ siteId, target }: { siteId: string; target: number }) {
  const { t } = useTranslation('queue');
  const save = useSaveTarget(siteId);
  const form = useFormErrors(save.error, (f) => f === 'targetWaitMinutes');
  const [value, setValue] = useState<number | string>(target);
  useEffect(() => setValue(target), [target]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minutes = typeof value === 'number' ? value : Number(value);
    if (!form.check(Number.isInteger(minutes) && minutes >= 1 && minutes <= 480 ? {} : { targetWaitMinutes: t('floor.target.invalid') })) return;
    save.mutate({ targetWaitMinutes: minutes }, { onSuccess: () => notifySuccess(t('floor.target.saved')), onError: () => form.focusError() });
  };
  return (
    <Card withBorder component="section" aria-labelledby="floor-target">
      <Title order={3} size="h4" id="floor-target" mb="xs">
        {t('floor.target.title')}
      </Title>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormAlert message={form.server.summary} />
        <Group align="flex-end">
          <NumberInput
            label={t('floor.target.label')}
            min={1}
            max={480}
            allowDecimal={false}
            value={value}
            onChange={(v) => {
              setValue(v);
              form.clear('targetWaitMinutes');
            }}
            error={form.errors.targetWaitMinutes}
            w={200}
            data-testid="floor-target"
          />
          <Button type="submit" variant="light" loading={save.isPending}>
            {t('floor.target.save')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('floor.targetNote', { minutes: target })}
        </Text>
      </form>
    </Card>
  );
}
