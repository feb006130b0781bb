/** Where each role lives and what its navigation offers. Later issues add their screens' entries here. */
import type { Role } from '../../api/auth.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';

export type Area = 'console' | 'tech' | 'coordinator';

export interface NavItem {
  href: string;
  label: MessageKey;
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
    { href: '/console/customers', label: 'nav.customers' },
    { href: '/console/devices', label: 'nav.devices' },
    { href: '/console/errors', label: 'nav.errors' },
    { href: '/console/requests', label: 'nav.requests' },
    { href: '/console/users', label: 'nav.users' },
    { href: '/console/settings', label: 'nav.settings' },
  ],
  tech: [{ href: '/tech', label: 'nav.home' }],
  coordinator: [{ href: '/coordinator', label: 'nav.home' }],
};

export function navigationFor(role: Role): readonly NavItem[] {
  return navigationOfArea[areaFor(role)];
}

/** Only same-origin paths may follow a login, so a crafted link can't send the user elsewhere. */
export function safeNextPath(next: string | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (next.startsWith('/login')) return undefined;
  return next;
}
