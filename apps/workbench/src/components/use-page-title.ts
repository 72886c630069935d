import { useEffect } from 'react';

/** Names the browser tab (and what a screen reader announces on navigation) after the page: "Workspace · Switchboard". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Switchboard`;
  }, [title]);
}
