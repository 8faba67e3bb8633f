import { Anchor, Breadcrumbs, Button, Group, Text } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { focusFirstError, useServerErrors } from './shared';

/* Building blocks of the catalogue admin forms: error state, field state, footers, breadcrumbs. */

/**
 * What the browser found wrong (`local`) and what the server said (`server`) for a form at `formRef`.
 * `check(found)` shows the browser's findings and returns true when there are none, else moves focus
 * to the first invalid field; `focusError()` does the latter after a failed save.
 */
export function useFormErrors(error: unknown, known: (field: string) => boolean) {
  const formRef = useRef<HTMLFormElement>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = useServerErrors(error, known);
  const focusError = () => focusFirstError(formRef.current);
  const check = (found: Record<string, string>) => {
    setLocal(found);
    if (Object.keys(found).length) {
      focusError();
      return false;
    }
    return true;
  };
  /** Forgets the browser's complaint about a field once it is edited. */
  const clear = (field: string) => {
    if (local[field]) setLocal((s) => ({ ...s, [field]: '' }));
  };
  return { formRef, local, server, check, focusError, clear };
}

/** A form's values with `set(field, value)`, which also clears that field's browser error. */
export function useFormValues<F extends object>(init: () => F, clear: (field: string) => void) {
  const [f, setF] = useState<F>(init);
  const set = <K extends keyof F>(k: K, v: F[K]) => {
    setF((s) => ({ ...s, [k]: v }));
    clear(k as string);
  };
  return [f, set, setF] as const;
}

/** Footer of a form in a dialog: "Batal" then the submit button, right-aligned. */
export function DialogFormActions({ onCancel, submitLabel, loading, testId }: { onCancel: () => void; submitLabel: string; loading: boolean; testId: string }) {
  const { t } = useTranslation('catalog');
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
  const { t } = useTranslation('catalog');
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
  const { t } = useTranslation('catalog');
  return (
    <Breadcrumbs aria-label={t('common.breadcrumb')}>
      <Anchor component={Link} to={listTo} size="sm">
        {listLabel}
      </Anchor>
      <Text size="sm">{title}</Text>
    </Breadcrumbs>
  );
}
