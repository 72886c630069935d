import { IconBuildingStore, IconListDetails, IconPlayerPlay, IconSettings, IconShoppingBag, type Icon } from '@tabler/icons-react';
import type { NeededRole } from '../api/members';
import { paths } from './paths';

/** One entry of the navbar. Add a page's entry here when its route is in routes.tsx, never before (no dead links). */
export interface NavigationItem {
  label: string;
  to: string;
  icon: Icon;
  /** Shown only to members whose role covers it: the page is for them alone (the API answers others 403). */
  needs?: NeededRole;
  /** Sub-entries, shown under a group heading ("Settings" → "Secrets"). */
  children?: readonly NavigationChild[];
}

export interface NavigationChild {
  label: string;
  to: string;
  /** Shown only to members whose role covers it: the page is for them alone (the API answers others 403). */
  needs?: NeededRole;
}

export const NAVIGATION: readonly NavigationItem[] = [
  { label: 'Workspace', to: '/', icon: IconBuildingStore },
  { label: 'Marketplace', to: paths.marketplace, icon: IconShoppingBag },
  { label: 'Action runner', to: '/runner', icon: IconPlayerPlay, needs: 'developer' },
  { label: 'Runs', to: '/runs', icon: IconListDetails },
  {
    label: 'Workspace settings',
    to: '/settings',
    icon: IconSettings,
    children: [
      { label: 'Secrets', to: paths.secrets },
      { label: 'Members', to: paths.members },
      { label: 'API keys', to: paths.ownApiKeys },
      { label: 'Audit log', to: paths.auditLog, needs: 'admin' },
    ],
  },
];
