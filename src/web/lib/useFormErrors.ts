import { useMemo, useRef, useState } from 'react';
import { fieldErrors, problemMessage } from './errors';

/** What a form shows of a failed save: messages per field, and a summary for what no field shows. */
export interface ServerErrors {
  fields: Record<string, string>;
  summary: string | null;
}

/**
 * A problem's `errors[].field` mapped to the form's fields (`body.hours.3.0.end` → `hours.3.0.end`),
 * plus the message to show above the form: the problem's own text when no field of this form
 * shows it, with the fields the form does not have (`known` says which it has) appended.
 */
export function serverErrors(error: unknown, known: (field: string) => boolean): ServerErrors {
  if (!error) return { fields: {}, summary: null };
  const fields = fieldErrors(error);
  const orphan = Object.keys(fields).filter((f) => !known(f));
  const hasShown = Object.keys(fields).some(known);
  let summary: string | null = null;
  if (!hasShown || orphan.length > 0) {
    summary = problemMessage(error);
    if (orphan.length) summary += ' ' + orphan.map((f) => `${f}: ${fields[f]}`).join(' · ');
  }
  return { fields, summary };
}

/** Moves focus to the first invalid field after a failed submit (keyboard and screen-reader users land on it). */
export function focusFirstError(form: HTMLFormElement | null) {
  requestAnimationFrame(() => {
    const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}

/**
 * The one form-error hook: what the browser found wrong (`local`) and what the server said
 * (`server`) for the form at `formRef`; `errors` is both, the server's last word winning.
 * `check(found)` shows the browser's findings and returns true when there are none, else moves
 * focus to the first invalid field; `focusError()` does the latter after a failed save;
 * `clear(field)` forgets the browser's complaint about a field once it is edited.
 */
export function useFormErrors(error: unknown, known: (field: string) => boolean) {
  const formRef = useRef<HTMLFormElement>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  // `known` is usually an inline function: the server's answer only changes with the error.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const server = useMemo(() => serverErrors(error, known), [error]);
  const focusError = () => focusFirstError(formRef.current);
  const check = (found: Record<string, string>) => {
    setLocal(found);
    if (Object.keys(found).length) {
      focusError();
      return false;
    }
    return true;
  };
  const clear = (field: string) => {
    if (local[field]) setLocal((s) => ({ ...s, [field]: '' }));
  };
  const errors: Record<string, string> = { ...local, ...server.fields };
  return { formRef, local, server, errors, check, focusError, clear };
}
