import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

const owner = { email: 'marie.dupont@dealer.test' };

describe('passwordProblem', () => {
  it.each([
    ['correct horse battery', null],
    ['Tr0ub4dor&3x', null],
    ['short1!', 'password.too_short'],
    ['x'.repeat(201), 'password.too_long'],
    ['aaaaaaaaaaaa', 'password.too_few_characters'],
    ['abababababab', 'password.too_few_characters'],
    ['1234567890', 'password.sequence'],
    ['12345678901234', 'password.sequence'],
    ['QWERTZUIOP', 'password.sequence'],
    ['azertyuiop', 'password.sequence'],
    ['Password2024!', 'password.common'],
    ['motdepasse12', 'password.common'],
    ['marie.dupont99', 'password.contains_email'],
    ['Marie.Dupont-at-home', 'password.contains_email'],
  ])('%s -> %s', (password, expected) => {
    const problem = passwordProblem(password, owner);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatchObject({ key: expected, meta: { field: 'password' } });
  });

  it('says the bound in its words', () => {
    expect(passwordProblem('short1!', owner)?.message).toBe('The password needs at least 10 characters.');
  });

  it('ignores email local parts too short to matter', () => {
    expect(passwordProblem('bob-likes-tea-a-lot', { email: 'bob@dealer.test' })).toBeNull();
  });
});
