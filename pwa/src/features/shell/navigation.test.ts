import { describe, expect, it } from 'vitest';
import type { Role } from '../../api/auth.ts';
import { homePathFor, navigationFor, rolesOf, safeNextPath } from './navigation.ts';

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
