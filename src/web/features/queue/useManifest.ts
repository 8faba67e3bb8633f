import { useEffect } from 'react';

/**
 * Points the page's web-app manifest at a full-screen app of its own while mounted, so "install"
 * on a kiosk opens the kiosk, not the landing page.
 */
export function useManifest(href: string): void {
  useEffect(() => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (!link) return;
    const previous = link.getAttribute('href');
    link.setAttribute('href', href);
    return () => {
      if (previous) link.setAttribute('href', previous);
    };
  }, [href]);
}
