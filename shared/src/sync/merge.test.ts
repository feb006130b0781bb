import { describe, expect, it } from 'vitest';
import { mergeChange, type VersionedRecord } from './merge.ts';

type Fields = { state: string; technicianId: string | null; steps: string[] };
// Version 3: the partner reassigned at version 2, the technician's app moved the state at version 3.
const record: VersionedRecord<Fields> = {
  version: 3,
  fields: { state: 'in_progress', technicianId: 'tech-2', steps: ['a'] },
  stamps: { technicianId: { version: 2, by: 'user:partner' }, state: { version: 3, by: 'client:phone' } },
};

describe('field-level merge', () => {
  it.each<[name: string, baseVersion: number, by: string, changes: Partial<Fields>, expected: string | string[]]>([
    ['a field nobody changed since merges', 1, 'client:phone', { steps: ['a', 'b'] }, 'applied'],
    ['the same client following its own change', 2, 'client:phone', { state: 'done' }, 'applied'],
    ['a field the partner changed since', 1, 'client:phone', { technicianId: 'tech-1' }, ['technicianId']],
    ['another client on a field changed since', 2, 'client:tablet', { state: 'done' }, ['state']],
    ['the same value as the server is no conflict', 1, 'client:tablet', { technicianId: 'tech-2' }, 'applied'],
    ['a base version from the future', 4, 'client:phone', { steps: [] }, 'rejected'],
    ['a base version of zero', 0, 'client:phone', { steps: [] }, 'rejected'],
  ])('%s', (_name, baseVersion, by, changes, expected) => {
    const result = mergeChange(record, { baseVersion, by, changes });
    expect(result.status === 'conflict' ? result.fields : result.status).toEqual(expected);
  });

  it('stamps the fields it changes with the new version, and a no-op keeps the version', () => {
    const applied = mergeChange(record, { baseVersion: 1, by: 'client:phone', changes: { steps: ['b'], state: 'in_progress' } });
    expect(applied).toMatchObject({ status: 'applied', changed: ['steps'], record: { version: 4, fields: { steps: ['b'] }, stamps: { steps: { version: 4, by: 'client:phone' } } } });
    expect(mergeChange(record, { baseVersion: 3, by: 'x', changes: { state: 'in_progress' } })).toMatchObject({ status: 'applied', record: { version: 3 } });
  });
});
