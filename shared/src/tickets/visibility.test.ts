import { describe, expect, it } from 'vitest';
import type { MaintenanceRequest, RequestEvent } from '../contracts/tickets.ts';
import { customerEvents, customerView, type NoteVisibility } from './visibility.ts';

let seq = 0;
function event(kind: RequestEvent['kind'], visibility: NoteVisibility, comment: string | null, fields: string[] = []): RequestEvent {
  seq += 1;
  return { id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`, kind, at: '2026-11-20T08:00:00.000Z', authorName: 'Someone', comment, fromState: null, toState: null, technicianId: null, fields, visibility };
}

const request = (events: RequestEvent[]): MaintenanceRequest => ({
  id: '7d444840-9dc0-41cc-9d6f-0e6c1c1d1f3a',
  device: { id: 'd', deviceCode: 'DF-1', manufacturer: 'Ricoh', model: 'IM C3000', location: null, customerId: 'c', customerName: 'Fiduciaire' },
  alertId: null,
  subject: 'Streaks',
  description: 'Blue streaks on every page',
  technicianId: null,
  technicianName: null,
  userCanFix: false,
  steps: [],
  complexity: null,
  state: 'in_progress',
  version: 3,
  createdBy: 'Sophie',
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
  events,
  attachments: [{ id: 'a', requestId: 'r', fileName: 'drum.png', contentType: 'image/png', size: 12, uploadedBy: 'Yannick', createdAt: '2026-11-20T08:00:00.000Z' }],
});

describe('what a customer reads of a request', () => {
  it.each<[string, RequestEvent, { comment: string | null } | 'hidden']>([
    ['a shared note', event('note', 'shared', 'The technician comes on Tuesday'), { comment: 'The technician comes on Tuesday' }],
    ['an internal note', event('note', 'internal', 'cyan drum probably scratched'), 'hidden'],
    ['a change of state with a shared comment', event('state', 'shared', 'Repaired'), { comment: 'Repaired' }],
    ['a change of state with an internal comment', event('state', 'internal', 'Drum at cost price'), { comment: null }],
    ['the customer’s own report', event('created', 'shared', 'Blue streaks'), { comment: 'Blue streaks' }],
    ['a request opened by the dealer', event('created', 'internal', 'Known fuser issue'), { comment: null }],
    ['an assignment', event('assignment', 'internal', null), 'hidden'],
    ['an edit', event('edit', 'internal', null, ['steps']), 'hidden'],
    ['a photo', event('attachment', 'internal', 'drum.png'), 'hidden'],
    ['a replaced supply', event('supply', 'internal', 'toner (cyan)'), 'hidden'],
  ])('%s', (_case, line, expected) => {
    const shown = customerEvents([line]);
    if (expected === 'hidden') expect(shown).toEqual([]);
    else expect(shown).toEqual([{ ...line, comment: expected.comment }]);
  });

  it.each<[string, RequestEvent[], string]>([
    ['the customer’s report, untouched', [event('created', 'shared', 'Blue streaks on every page')], 'Blue streaks on every page'],
    ['the customer’s report, rewritten by the dealer', [event('created', 'shared', 'Blue streaks'), event('edit', 'internal', null, ['description'])], ''],
    ['the customer’s report, only its steps edited', [event('created', 'shared', 'Blue streaks'), event('edit', 'internal', null, ['steps'])], 'Blue streaks on every page'],
    ['a request the dealer opened', [event('created', 'internal', 'Blue streaks')], ''],
  ])('shows the description of %s only while it is the customer’s own words', (_case, events, description) => {
    expect(customerView(request(events)).description).toBe(description);
  });

  it('shows no photos', () => {
    expect(customerView(request([])).attachments).toEqual([]);
  });
});
