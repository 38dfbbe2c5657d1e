import { Archive, Camera, DatabaseBackup, FlaskConical, HardDrive, House, ListTodo, ScanSearch, Server, Settings, type LucideIcon } from 'lucide-react';
import type { Role } from '@console/contract';

/** Only screens that exist are listed: a link to nothing would be a broken promise. */
export interface NavItem {
  to: string;
  labelKey: 'nav.home' | 'nav.servers' | 'nav.disks' | 'nav.snapshots' | 'nav.vaults' | 'nav.backups' | 'nav.tasks' | 'nav.settings' | 'nav.calls' | 'nav.emulator';
  icon: LucideIcon;
  /** Match the path exactly (the home route would otherwise be active everywhere). */
  end?: boolean;
  /** Shown only to these roles; everyone when absent. */
  roles?: readonly Role[];
  /** Shown only while the active profile is the embedded emulator. */
  emulatorOnly?: boolean;
}

export const navItems: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.home', icon: House, end: true },
  { to: '/servers', labelKey: 'nav.servers', icon: Server },
  { to: '/disks', labelKey: 'nav.disks', icon: HardDrive },
  { to: '/snapshots', labelKey: 'nav.snapshots', icon: Camera },
  { to: '/vaults', labelKey: 'nav.vaults', icon: Archive },
  { to: '/backups', labelKey: 'nav.backups', icon: DatabaseBackup },
  { to: '/tasks', labelKey: 'nav.tasks', icon: ListTodo },
  { to: '/calls', labelKey: 'nav.calls', icon: ScanSearch, roles: ['operator', 'admin'] },
  { to: '/emulator', labelKey: 'nav.emulator', icon: FlaskConical, roles: ['operator', 'admin'], emulatorOnly: true },
  { to: '/settings', labelKey: 'nav.settings', icon: Settings, roles: ['admin'] },
];

export function navItemsFor(role: Role, emulator = false): NavItem[] {
  return navItems.filter((item) => (!item.roles || item.roles.includes(role)) && (!item.emulatorOnly || emulator));
}
