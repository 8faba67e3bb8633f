/** Toasts through the lazily loaded notifications store (kept out of the entry chunk, like lib/errors). */
export function toast(message: string, opts: { color?: string; title?: string; autoClose?: number } = {}): void {
  void import('@mantine/notifications').then(({ notifications }) =>
    notifications.show({ color: opts.color ?? 'blue', title: opts.title, message, autoClose: opts.autoClose ?? 6000 }),
  );
}
