import { useEffect } from 'react';

/** Sets the document title as "<page> · Loket" while the page is shown. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Loket` : 'Loket';
  }, [title]);
}
