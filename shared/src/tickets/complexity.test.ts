import { describe, expect, it } from 'vitest';
import { classifyAlert, type Complexity } from './complexity.ts';

describe('alert complexity', () => {
  it.each<[group: string, code: string, expected: Complexity]>([
    ['status', 'noPaper', 'user'],
    ['status', 'lowToner', 'user'],
    ['status', 'doorOpen', 'user'],
    ['status', 'serviceRequested', 'technician'],
    ['input', 'inputMediaSupplyEmpty', 'user'],
    ['cover', 'coverOpen', 'user'],
    ['input', 'subunitMissing', 'user'],
    ['mediaPath', 'jam', 'user'],
    // A jam in the fuser (the marker subunit) is inside the machine.
    ['marker', 'jam', 'technician'],
    ['marker', 'subunitMissing', 'technician'],
    ['marker', 'markerOpcLifeOver', 'technician'],
    ['generalPrinter', 'subunitUnrecoverableFailure', 'engineer'],
    ['hostResourcesStorage', 'other', 'engineer'],
    ['interpreter', 'code 42', 'engineer'],
    ['channel', 'subunitOffline', 'technician'],
    ['generalPrinter', 'code 7777', 'technician'],
    ['status', 'somethingNew', 'technician'],
  ])('%s / %s needs %s', (group, code, expected) => {
    expect(classifyAlert({ group, code })).toBe(expected);
  });
});
