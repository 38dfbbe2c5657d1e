import { House, type LucideIcon } from 'lucide-react';

/** Only screens that exist are listed: a link to nothing would be a broken promise. */
export interface NavItem {
  to: string;
  labelKey: 'nav.home';
  icon: LucideIcon;
  /** Match the path exactly (the home route would otherwise be active everywhere). */
  end?: boolean;
}

export const navItems: readonly NavItem[] = [{ to: '/', labelKey: 'nav.home', icon: House, end: true }];
