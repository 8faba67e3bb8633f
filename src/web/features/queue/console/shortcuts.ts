import { useEffect, useRef } from 'react';

/** One key per counter action (shown on the buttons and in the shortcuts card). */
export const SHORTCUTS = { n: 'call-next', r: 'recall', s: 'start', f: 'finish', x: 'no-show', p: 'park', t: 'transfer', b: 'break' } as const;
export type Shortcut = (typeof SHORTCUTS)[keyof typeof SHORTCUTS];

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.getAttribute('role') === 'combobox');

/**
 * Runs `perform(action)` on its key, unless a modifier is held, the keys are `suspended` (a dialog
 * is open) or the officer is typing. `perform` may change every render: the latest one runs.
 */
export function useShortcuts(perform: (what: Shortcut) => void, suspended: boolean) {
  const latest = useRef(perform);
  latest.current = perform;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || suspended || isTyping(e.target)) return;
      const what = SHORTCUTS[e.key.toLowerCase() as keyof typeof SHORTCUTS];
      if (!what) return;
      e.preventDefault();
      latest.current(what);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [suspended]);
}
