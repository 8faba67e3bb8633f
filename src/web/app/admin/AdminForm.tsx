import { Alert, Anchor, Breadcrumbs, Button, Group, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './i18n';

/* Building blocks of the admin forms: values, the error summary, footers, breadcrumbs. */

/** A form's values with `set(field, value)`, which also clears that field's browser error. */
export function useFormValues<F extends object>(init: () => F, clear: (field: string) => void) {
  const [f, setF] = useState<F>(init);
  const set = <K extends keyof F>(k: K, v: F[K]) => {
    setF((s) => ({ ...s, [k]: v }));
    clear(k as string);
  };
  return [f, set, setF] as const;
}

/** The save failure that no field shows, announced at once. */
export function FormAlert({ message }: { message: string | null }) {
  const { t } = useTranslation('admin');
  return (
    <div aria-live="assertive" aria-atomic="true">
      {message && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden="true" />} title={t('common.saveFailed')} data-testid="form-error">
          {message}
        </Alert>
      )}
    </div>
  );
}

/** Footer of a form in a dialog: "Batal" then the submit button, right-aligned. */
export function DialogFormActions({ onCancel, submitLabel, loading, testId }: { onCancel: () => void; submitLabel: string; loading: boolean; testId: string }) {
  const { t } = useTranslation('admin');
  return (
    <Group justify="flex-end" gap="xs" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} data-testid={testId}>
        {submitLabel}
      </Button>
    </Group>
  );
}

/** Footer of a full-page form: the submit button, "Batal" back to the list at `cancelTo`, then `children`. */
export function PageFormActions({ cancelTo, submitLabel, loading, testId, children }: { cancelTo: string; submitLabel: string; loading: boolean; testId: string; children?: ReactNode }) {
  const { t } = useTranslation('admin');
  return (
    <Group gap="xs">
      <Button type="submit" loading={loading} data-testid={testId}>
        {submitLabel}
      </Button>
      <Button variant="default" component={Link} to={cancelTo}>
        {t('common.cancel')}
      </Button>
      {children}
    </Group>
  );
}

/** "List › this item" above a full-page form. */
export function FormBreadcrumbs({ listTo, listLabel, title }: { listTo: string; listLabel: string; title: string }) {
  const { t } = useTranslation('admin');
  return (
    <Breadcrumbs aria-label={t('common.breadcrumb')}>
      <Anchor component={Link} to={listTo} size="sm">
        {listLabel}
      </Anchor>
      <Text size="sm">{title}</Text>
    </Breadcrumbs>
  );
}

/** '' → null for optional text columns. */
export const nullIfEmpty = (s: string | null | undefined): string | null => {
  const v = (s ?? '').trim();
  return v ? v : null;
};
