import { useEffect } from 'react';

/** Each page names itself in the tab and for screen readers, which announce the new title. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — Relais`;
  }, [title]);
}
