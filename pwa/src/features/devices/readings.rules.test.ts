import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../api/client.ts';
import { counterBreaks, fromLocalInput, isChangeable, isCorrectableWhenLocked, lockedCorrection, parseCount, readingChange, reasonText, refusalText, toLocalInput, whoOf } from './readings.rules.ts';

const belowLast = { code: 'below_last', params: { lastValue: 12_500, lastDate: '2026-03-05', otherCounter: null } };

describe('refusalText', () => {
  it('words a refusal in the reader’s language, not the server’s English', () => {
    const error: ApiError = { code: 'reading_refused', message: 'The value must be greater…', field: 'value', details: { reason: belowLast } };
    expect(refusalText(error, 'fr')).toBe('La valeur doit être supérieure ou égale à celle du dernier compteur (12500, relevé le 05.03.2026).');
    expect(refusalText(error, 'de')).toContain('(12500, abgelesen am 05.03.2026)');
  });

  it('has nothing to say for other errors or a reason it cannot read', () => {
    expect(refusalText({ code: 'conflict', message: 'x', details: { reason: belowLast } }, 'fr')).toBeNull();
    expect(refusalText({ code: 'reading_refused', message: 'x', details: { reason: { code: 'nope' } } }, 'fr')).toBeNull();
    expect(refusalText({ code: 'reading_refused', message: 'x' }, 'fr')).toBeNull();
  });

  it('words a stored reason, and nothing for a reading stored before the policy', () => {
    expect(reasonText({ code: 'first_reading', params: {} }, 'it')).toBe('Primo rilevamento registrato per questo contatore.');
    expect(reasonText(null, 'en')).toBeNull();
  });
});

describe('local date-time inputs', () => {
  it('round-trips a local minute', () => {
    const date = new Date(2026, 2, 5, 9, 7);
    expect(toLocalInput(date)).toBe('2026-03-05T09:07');
    expect(fromLocalInput('2026-03-05T09:07')).toBe(date.toISOString());
  });

  it.each(['', '2026-03-05', 'soon', '2026-3-5T9:7'])('refuses %j', (text) => expect(fromLocalInput(text)).toBeNull());
});

describe('parseCount', () => {
  it.each([
    ['12500', 12_500],
    [' 12 500 ', 12_500],
    ["12'500", 12_500],
    ['0', 0],
  ])('%j is %d', (text, value) => expect(parseCount(text)).toBe(value));

  it.each(['', '-1', '12.5', '1e3', 'abc', '99999999999999999999'])('%j is not a counter value', (text) => expect(parseCount(text)).toBeNull());
});

describe('whoOf', () => {
  it.each([
    ['admin@demo-dealer.test', { kind: 'person', name: 'admin@demo-dealer.test' }],
    ['link:4f1c', { kind: 'link' }],
    ['agent:9b2e', { kind: 'agent' }],
    ['estimate:2026-03', { kind: 'estimate', period: '2026-03' }],
    ['demo', { kind: 'person', name: 'demo' }],
  ] as const)('%s', (enteredBy, who) => expect(whoOf(enteredBy)).toEqual(who));
});

describe('isChangeable', () => {
  it.each([
    [{ lockedAt: null, status: 'entered' }, true, true],
    [{ lockedAt: null, status: 'to_check' }, true, true],
    [{ lockedAt: '2026-03-06T02:00:00Z', status: 'accepted' }, true, false],
    [{ lockedAt: null, status: 'deleted' }, true, false],
    [{ lockedAt: null, status: 'entered' }, false, false],
  ] as const)('%o with edit rights %s: %s', (reading, canEdit, expected) => expect(isChangeable(reading, canEdit)).toBe(expected));
});

describe('isCorrectableWhenLocked', () => {
  it.each([
    [{ lockedAt: '2026-03-06T02:00:00Z', status: 'accepted' }, true, true],
    [{ lockedAt: '2026-03-06T02:00:00Z', status: 'deleted' }, true, false],
    [{ lockedAt: '2026-03-06T02:00:00Z', status: 'entered' }, false, false],
    [{ lockedAt: null, status: 'entered' }, true, false],
  ] as const)('%o with edit rights %s: %s', (reading, canEdit, expected) => expect(isCorrectableWhenLocked(reading, canEdit)).toBe(expected));
});

describe('lockedCorrection', () => {
  it.each([
    [{ value: 1_100, note: ' customer misread a digit ' }, { value: 1_100, note: 'customer misread a digit' }],
    [{ value: 1_100, note: '  ' }, 'note_required'],
    [{ value: 1_000, note: 'same value' }, 'nothing'],
  ] as const)('%o → %o', (form, expected) => expect(lockedCorrection({ value: 1_000 }, form)).toEqual(expected));
});

describe('readingChange', () => {
  const reading = { value: 1_000, note: 'typed by phone' };
  it('sends only what changed', () => {
    expect(readingChange(reading, { value: 1_100, note: 'typed by phone' })).toEqual({ value: 1_100 });
    expect(readingChange(reading, { value: 1_000, note: ' checked on site ' })).toEqual({ note: 'checked on site' });
    expect(readingChange(reading, { value: 1_000, note: '' })).toEqual({ note: null });
    expect(readingChange(reading, { value: 1_000, note: 'typed by phone' })).toBeNull();
    expect(readingChange({ value: 5, note: null }, { value: 5, note: '  ' })).toBeNull();
  });
});

describe('counterBreaks', () => {
  it('turns the form rows into the counters of a reset, or names the first counter with a bad number', () => {
    expect(counterBreaks([{ kind: 'mono', finalValue: '1 250', startValue: '0' }])).toEqual({ counters: [{ counter: 'mono', finalValue: 1250, startValue: 0 }] });
    expect(counterBreaks([{ kind: 'mono', finalValue: '12', startValue: '0' }, { kind: 'colour', finalValue: '1.5', startValue: '0' }])).toEqual({ invalid: 'colour' });
  });
});
