import type { UseMutationResult } from '@tanstack/react-query';
import { notifySuccess } from '../../lib/errors';
import { useFormErrors } from '../../lib/useFormErrors';

export interface SubmitOptions<TData> {
  /** The toast after a save, from what the server returned. */
  success?: (saved: TData) => string;
  onSaved?: (saved: TData) => void;
  /** After a refused save, before focus moves to the first invalid field. */
  onFailed?: (err: Error) => void;
}

/**
 * One admin form's save: the browser's checks, the mutation, a green toast, and the server's
 * field errors on the form's fields with focus on the first (the mutation sets
 * `meta.inlineErrors`, so no red toast as well). `submit(found, body, opts)` only shows `found`
 * when the browser found something wrong.
 */
export function useAdminSubmit<TData, TVars>(mutation: UseMutationResult<TData, Error, TVars, unknown>, known: (field: string) => boolean) {
  const form = useFormErrors(mutation.error, known);
  const submit = (found: Record<string, string>, body: TVars, opts: SubmitOptions<TData> = {}) => {
    if (!form.check(found)) return;
    mutation.mutate(body, {
      onSuccess: (saved) => {
        if (opts.success) notifySuccess(opts.success(saved));
        opts.onSaved?.(saved);
      },
      onError: (err) => {
        opts.onFailed?.(err);
        form.focusError();
      },
    });
  };
  return { ...form, submit, pending: mutation.isPending };
}
