import { describe, expect, it } from 'vitest';
import { defaultConfigDir, type Platform } from './paths.ts';

describe('defaultConfigDir', () => {
  it.each<[string, Platform, string]>([
    ['Linux as root', { os: 'linux', env: {}, home: '/root', isRoot: true }, '/etc/parc-agent'],
    ['Linux as a user', { os: 'linux', env: {}, home: '/home/ana', isRoot: false }, '/home/ana/.config/parc-agent'],
    ['Linux with XDG_CONFIG_HOME', { os: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, home: '/home/ana', isRoot: false }, '/cfg/parc-agent'],
    ['macOS', { os: 'darwin', env: {}, home: '/Users/ana', isRoot: false }, '/Users/ana/Library/Application Support/parc-agent'],
    ['Windows', { os: 'win32', env: { ProgramData: 'D:\\ProgramData' }, home: 'C:\\Users\\ana', isRoot: false }, 'D:\\ProgramData\\parc-agent'],
  ])('%s', (_case, platform, expected) => {
    expect(defaultConfigDir(platform)).toBe(expected);
  });
});
