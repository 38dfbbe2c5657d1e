import { Camera, HardDrive, House, ListTodo, Settings, type LucideIcon } from 'lucide-react';
import type { Role } from '@console/contract';

/** Only screens that exist are listed: a link to nothing would be a broken promise. */
export interface NavItem {
  to: string;
  labelKey: 'nav.home' | 'nav.disks' | 'nav.snapshots' | 'nav.tasks' | 'nav.settings';
  icon: LucideIcon;
  /** Match the path exactly (the home route would otherwise be active everywhere). */
  end?: boolean;
  /** Shown only to these roles; everyone when absent. */
  roles?: readonly Role[];
}

export const navItems: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.home', icon: House, end: true },
  { to: '/disks', labelKey: 'nav.disks', icon: HardDrive },
  { to: '/snapshots', labelKey: 'nav.snapshots', icon: Camera },
  { to: '/tasks', labelKey: 'nav.tasks', icon: ListTodo },
  { to: '/settings', labelKey: 'nav.settings', icon: Settings, roles: ['admin'] },
];

export function navItemsFor(role: Role): NavItem[] {
  return navItems.filter((item) => !item.roles || item.roles.includes(role));
}
