import { describe, expect, it } from 'vitest';
import { FULL_ACCESS, SCREENS, type Permissions, type Screen } from '@parc/shared/contracts/profiles';
import type { Role } from '../../api/auth.ts';
import { homePathFor, navigationFor, permittedItems, rolesOf, safeNextPath } from './navigation.ts';

describe('homePathFor', () => {
  it.each<[Role, string]>([
    ['partner_admin', '/console'],
    ['partner_staff', '/console'],
    ['technician', '/tech'],
    ['coordinator', '/coordinator'],
  ])('%s goes to %s', (role, path) => {
    expect(homePathFor(role)).toBe(path);
    expect(navigationFor(role)[0]?.href).toBe(path);
  });
});

describe('rolesOf', () => {
  it.each([
    ['console', ['partner_admin', 'partner_staff']],
    ['tech', ['technician']],
    ['coordinator', ['coordinator']],
  ] as const)('%s admits %j', (area, roles) => {
    expect(rolesOf(area)).toEqual(roles);
  });
});

describe('permittedItems', () => {
  const hrefs = (permissions: Parameters<typeof permittedItems>[1]) => permittedItems(navigationFor('partner_staff'), permissions).map((item) => item.href);

  it('shows billing to a profile that may view it, and hides it otherwise or until the permissions are known', () => {
    expect(hrefs(FULL_ACCESS)).toContain('/console/billing');
    expect(hrefs({ ...FULL_ACCESS, billing: 'view' })).toContain('/console/billing');
    expect(hrefs({ ...FULL_ACCESS, billing: 'none' })).not.toContain('/console/billing');
    expect(hrefs(undefined)).not.toContain('/console/billing');
  });

  it.each<[href: string, screen: Screen]>([
    ['/console/customers', 'customers'],
    ['/console/devices', 'devices'],
    ['/console/errors', 'maintenance'],
    ['/console/requests', 'maintenance'],
    ['/console/billing', 'billing'],
    ['/console/users', 'users'],
    ['/console/settings', 'settings'],
  ])('%s shows while the profile may view %s, and hides at none or until known', (href, screen) => {
    expect(hrefs({ ...FULL_ACCESS, [screen]: 'view' })).toContain(href);
    expect(hrefs({ ...FULL_ACCESS, [screen]: 'none' })).not.toContain(href);
    expect(hrefs(undefined)).not.toContain(href);
  });

  it('keeps home for everyone: it is where a console user lands', () => {
    const blind = Object.fromEntries(SCREENS.map((screen) => [screen, 'none'])) as Permissions;
    expect(hrefs(blind)).toEqual(['/console']);
  });
});

describe('safeNextPath', () => {
  it.each<[string | undefined, string | undefined]>([
    ['/console', '/console'],
    ['/tech?visit=3', '/tech?visit=3'],
    [undefined, undefined],
    ['', undefined],
    ['https://evil.test/', undefined],
    ['//evil.test/', undefined],
    ['/\\evil.test', undefined],
    ['/login?next=/console', undefined],
  ])('%j gives %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
