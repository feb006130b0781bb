import { describe, expect, it } from 'vitest';
import type { CounterKind, LinkState } from '@parc/shared';
import type { LinkRow, SheetEntry } from './links.repo.ts';
import { countersToAsk, entryState, linkState } from './links.service.ts';

const at = (iso: string) => new Date(iso);
const EXPIRES = at('2026-12-04T23:00:00Z');
const BEFORE = at('2026-11-25T10:00:00Z');

describe('countersToAsk', () => {
  it.each<[CounterKind[], CounterKind[]]>([
    [['total', 'mono', 'colour'], ['mono', 'colour']],
    [['total', 'mono'], ['mono']],
    [['total'], ['total']],
    [['scan', 'colour', 'total', 'mono'], ['mono', 'colour', 'scan']],
    [['total', 'large'], ['total', 'large']],
    [[], []],
  ])('%j -> %j', (kinds, asked) => expect(countersToAsk(kinds)).toEqual(asked));
});

describe('linkState', () => {
  const link = (events: Partial<LinkRow>): LinkRow => ({
    id: 'l',
    partnerId: 'p',
    customerId: 'c',
    period: '2026-11',
    kid: 'k',
    issuedAt: at('2026-11-20T07:00:00Z'),
    expiresAt: EXPIRES,
    sentAt: null,
    openedAt: null,
    firstEntryAt: null,
    completedAt: null,
    remindedAt: null,
    revokedAt: null,
    ...events,
  });
  const t = at('2026-11-21T00:00:00Z');
  it.each<[string, Partial<LinkRow>, Date, LinkState]>([
    ['nothing yet', {}, BEFORE, 'issued'],
    ['mailed', { sentAt: t }, BEFORE, 'sent'],
    ['opened without a mail', { openedAt: t }, BEFORE, 'opened'],
    ['started', { sentAt: t, openedAt: t, firstEntryAt: t }, BEFORE, 'first_entry'],
    ['finished', { sentAt: t, openedAt: t, firstEntryAt: t, completedAt: t }, BEFORE, 'complete'],
    ['finished, after the deadline', { openedAt: t, firstEntryAt: t, completedAt: t }, EXPIRES, 'complete'],
    ['started, after the deadline', { openedAt: t, firstEntryAt: t }, EXPIRES, 'expired'],
    ['revoked', { sentAt: t, openedAt: t, revokedAt: t }, BEFORE, 'revoked'],
    ['revoked, after the deadline', { revokedAt: t }, EXPIRES, 'revoked'],
  ])('%s -> %s', (_name, events, now, state) => expect(linkState(link(events), now)).toBe(state));
});

describe('entryState', () => {
  const reason = { code: 'above_usual', params: { lastValue: 1, lastDate: '2026-10-20', value: 9, pages: 8, workingDays: 1, pagesPerWorkingDay: 8, usualPagesPerWorkingDay: 1, usualPages: 21, shortInterval: true, ratio: 0.4, otherCounter: null } } as const;
  const entry = (fields: Partial<SheetEntry>): SheetEntry => ({
    id: 'r',
    counterId: 'c',
    value: 9,
    takenAt: BEFORE,
    status: 'entered',
    lockedAt: null,
    reason: null,
    ...fields,
  });
  const saved = { value: 9, enteredAt: BEFORE.toISOString() };
  it.each([
    ['no entry', null, { state: 'to_enter' }],
    ['entered', entry({}), { state: 'entered', ...saved }],
    ['accepted by the dealer', entry({ status: 'accepted' }), { state: 'settled', ...saved }],
    ['corrected by the dealer', entry({ status: 'corrected', value: 12 }), { state: 'settled', value: 12, enteredAt: BEFORE.toISOString() }],
    ['to check', entry({ status: 'to_check', reason }), { state: 'to_check', ...saved, reason }],
    ['refused on review', entry({ status: 'refused' }), { state: 'refused', ...saved, reason: null }],
    ['deleted by the dealer: to enter again', entry({ status: 'deleted' }), { state: 'to_enter' }],
    ['sent, even when to check', entry({ status: 'to_check', reason, lockedAt: EXPIRES }), { state: 'sent', ...saved }],
  ])('%s', (_name, row, state) => expect(entryState(row)).toEqual(state));
});
