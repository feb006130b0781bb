/** Where each role lives and what its navigation offers. Later issues add their screens' entries here. */
import { allows, type Permissions, type Screen } from '@parc/shared/contracts/profiles';
import type { Role } from '../../api/auth.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';

export type Area = 'console' | 'tech' | 'coordinator';

export interface NavItem {
  href: string;
  label: MessageKey;
  /** The console screen a profile must grant (at least view) for the item to show. */
  screen?: Screen;
}

const areaOfRole: Record<Role, Area> = {
  partner_admin: 'console',
  partner_staff: 'console',
  technician: 'tech',
  coordinator: 'coordinator',
};

export function areaFor(role: Role): Area {
  return areaOfRole[role];
}

export function homePathFor(role: Role): string {
  return `/${areaFor(role)}`;
}

export function rolesOf(area: Area): Role[] {
  return (Object.keys(areaOfRole) as Role[]).filter((role) => areaOfRole[role] === area);
}

const navigationOfArea: Record<Area, readonly NavItem[]> = {
  console: [
    { href: '/console', label: 'nav.home' },
    { href: '/console/customers', label: 'nav.customers', screen: 'customers' },
    { href: '/console/devices', label: 'nav.devices', screen: 'devices' },
    { href: '/console/errors', label: 'nav.errors', screen: 'maintenance' },
    { href: '/console/requests', label: 'nav.requests', screen: 'maintenance' },
    { href: '/console/consumables', label: 'nav.consumables', screen: 'consumables' },
    { href: '/console/billing', label: 'nav.billing', screen: 'billing' },
    { href: '/console/reports', label: 'nav.reports', screen: 'reports' },
    { href: '/console/users', label: 'nav.users', screen: 'users' },
    { href: '/console/settings', label: 'nav.settings', screen: 'settings' },
  ],
  tech: [
    { href: '/tech', label: 'nav.home' },
    { href: '/tech/account', label: 'nav.account' },
  ],
  coordinator: [
    { href: '/coordinator', label: 'nav.home' },
    { href: '/coordinator/account', label: 'nav.account' },
  ],
};

export function navigationFor(role: Role): readonly NavItem[] {
  return navigationOfArea[areaFor(role)];
}

/** The items the user may open: one tied to a screen shows once the permissions say it may be viewed. */
export function permittedItems(items: readonly NavItem[], permissions: Permissions | undefined): NavItem[] {
  return items.filter((item) => !item.screen || (permissions !== undefined && allows(permissions[item.screen], 'view')));
}

/** Only same-origin paths may follow a login, so a crafted link can't send the user elsewhere. */
export function safeNextPath(next: string | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (next.startsWith('/login')) return undefined;
  return next;
}
