import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

const owner = { email: 'marie.dupont@dealer.test' };

describe('passwordProblem', () => {
  it.each([
    ['correct horse battery', null],
    ['Tr0ub4dor&3x', null],
    ['short1!', 'at least 10'],
    ['x'.repeat(201), 'at most 200'],
    ['aaaaaaaaaaaa', 'too few characters'],
    ['abababababab', 'too few characters'],
    ['1234567890', 'sequence'],
    ['12345678901234', 'sequence'],
    ['QWERTZUIOP', 'sequence'],
    ['azertyuiop', 'sequence'],
    ['Password2024!', 'most common'],
    ['motdepasse12', 'most common'],
    ['marie.dupont99', 'email address'],
    ['Marie.Dupont-at-home', 'email address'],
  ])('%s -> %s', (password, expected) => {
    const problem = passwordProblem(password, owner);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });

  it('ignores email local parts too short to matter', () => {
    expect(passwordProblem('bob-likes-tea-a-lot', { email: 'bob@dealer.test' })).toBeNull();
  });
});
