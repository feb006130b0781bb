import { describe, expect, it } from 'vitest';
import { checkTransition, nextStates, type RequestActor, type RequestState } from './states.ts';

type Case = [from: RequestState, to: RequestState, actor: RequestActor, isAssignee: boolean, expected: true | 'bad_request' | 'forbidden' | 'conflict'];

describe('request state machine', () => {
  it.each<Case>([
    ['unresolved', 'in_progress', 'technician', true, true],
    ['unresolved', 'in_progress', 'partner', false, true],
    ['unresolved', 'in_progress', 'technician', false, 'forbidden'],
    ['unresolved', 'in_progress', 'coordinator', false, 'forbidden'],
    ['in_progress', 'done', 'technician', true, true],
    ['in_progress', 'done', 'partner', false, 'forbidden'],
    ['in_progress', 'resolved', 'partner', false, true],
    ['in_progress', 'resolved', 'technician', true, 'forbidden'],
    ['done', 'resolved', 'partner', false, true],
    ['done', 'resolved', 'technician', true, 'forbidden'],
    ['done', 'rejected', 'partner', false, true],
    ['done', 'rejected', 'technician', true, 'forbidden'],
    ['done', 'in_progress', 'technician', true, true],
    ['rejected', 'in_progress', 'partner', false, true],
    ['rejected', 'in_progress', 'technician', true, 'forbidden'],
    ['unresolved', 'done', 'technician', true, 'conflict'],
    ['unresolved', 'resolved', 'partner', false, 'conflict'],
    ['resolved', 'in_progress', 'partner', false, 'conflict'],
    ['in_progress', 'in_progress', 'technician', true, 'conflict'],
  ])('%s -> %s by %s (assignee %s): %s', (from, to, actor, isAssignee, expected) => {
    const verdict = checkTransition({ from, to, actor, isAssignee, comment: 'Checked on site' });
    expect(verdict.allowed ? true : verdict.code).toBe(expected);
  });

  it.each(['', '   '])('refuses a change without a comment (%j)', (comment) => {
    expect(checkTransition({ from: 'unresolved', to: 'in_progress', actor: 'partner', isAssignee: false, comment })).toMatchObject({ allowed: false, code: 'bad_request' });
  });

  it.each<[RequestState, RequestActor, boolean, RequestState[]]>([
    ['unresolved', 'partner', false, ['in_progress', 'rejected']],
    ['in_progress', 'technician', true, ['done']],
    ['in_progress', 'partner', false, ['resolved', 'rejected']],
    ['in_progress', 'technician', false, []],
    ['done', 'partner', false, ['in_progress', 'resolved', 'rejected']],
    ['resolved', 'partner', false, []],
    ['unresolved', 'coordinator', false, []],
  ])('offers from %s to a %s (assignee %s): %j', (from, actor, isAssignee, expected) => {
    expect(nextStates(from, actor, isAssignee)).toEqual(expected);
  });
});
