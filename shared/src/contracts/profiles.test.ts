import { describe, expect, it } from 'vitest';
import { completePermissions, FULL_ACCESS, permissionsInputSchema, SCREENS, type Permissions } from './profiles.ts';

const stored = (levels: Record<string, string>) => levels as Parameters<typeof completePermissions>[0];
const before = { dashboard: 'view', customers: 'edit', devices: 'view', readings: 'none', billing: 'none', agents: 'none', users: 'none', settings: 'edit' } as const;

describe('completePermissions', () => {
  it.each<[name: string, levels: Record<string, string>, expected: Partial<Permissions>]>([
    ['a profile saved before the later screens: maintenance and consumables from devices, reports from the dashboard', before, { maintenance: 'view', consumables: 'view', reports: 'view' }],
    ['a later screen already set keeps its level', { ...before, maintenance: 'edit', reports: 'none' }, { maintenance: 'edit', consumables: 'view', reports: 'none' }],
    ['devices at none closes maintenance and consumables', { ...before, devices: 'none' }, { maintenance: 'none', consumables: 'none' }],
    ['a screen missing altogether is none', { customers: 'edit' }, { dashboard: 'none', devices: 'none', maintenance: 'none', reports: 'none', customers: 'edit' }],
    ['a level that is not one is none', { ...before, billing: 'admin' }, { billing: 'none' }],
  ])('%s', (_name, levels, expected) => {
    const complete = completePermissions(stored(levels));
    expect(Object.keys(complete).sort()).toEqual([...SCREENS].sort());
    expect(complete).toMatchObject(expected);
  });

  it('leaves a complete profile as it is', () => {
    expect(completePermissions(FULL_ACCESS)).toEqual(FULL_ACCESS);
  });
});

describe('permissionsInputSchema', () => {
  it.each<[name: string, input: unknown, valid: boolean]>([
    ['every screen', FULL_ACCESS, true],
    ['without the later screens (an older client)', before, true],
    ['without an earlier screen', { ...FULL_ACCESS, devices: undefined }, false],
    ['with a screen that does not exist', { ...FULL_ACCESS, coffee: 'edit' }, false],
    ['with a level that does not exist', { ...FULL_ACCESS, maintenance: 'admin' }, false],
  ])('%s: %s', (_name, input, valid) => {
    expect(permissionsInputSchema.safeParse(input).success).toBe(valid);
  });
});
