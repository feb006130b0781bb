import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../api/client.ts';
import type { CurrentError, MaintenanceRequest } from '@parc/shared/contracts/tickets';
import type { RequestState } from '@parc/shared/tickets/states';
import {
  createBody,
  draftFromError,
  draftFromQuery,
  EMPTY_DRAFT,
  errorsQuery,
  newRequestHref,
  pageCount,
  partnerTransitions,
  readConflict,
  requestPathFor,
  requestsQuery,
  stepsFromText,
  type ErrorTab,
} from './tickets.rules.ts';

const deviceId = '11111111-1111-4111-8111-111111111111';
const alertId = '22222222-2222-4222-8222-222222222222';
const requestId = '33333333-3333-4333-8333-333333333333';
const device = { id: deviceId, deviceCode: 'P-001', manufacturer: 'Canon', model: 'iR C3226', location: null, customerId: '44444444-4444-4444-8444-444444444444', customerName: 'Bureau Alpin SA' };

function currentError(overrides: Partial<CurrentError>): CurrentError {
  return {
    id: alertId,
    device,
    group: 'status',
    code: 'noToner',
    description: 'Toner noir vide',
    severity: 'critical',
    complexity: 'user',
    openedAt: '2026-03-01T08:00:00.000Z',
    lastSeenAt: '2026-03-01T09:00:00.000Z',
    clearedAt: null,
    requestId: null,
    ignored: null,
    ...overrides,
  };
}

const serverRequest: MaintenanceRequest = {
  id: requestId,
  device,
  alertId: null,
  subject: 'Bourrage',
  description: '',
  technicianId: null,
  technicianName: null,
  userCanFix: false,
  steps: [],
  complexity: null,
  state: 'unresolved',
  version: 3,
  createdBy: 'admin@demo-dealer.test',
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  events: [],
  attachments: [],
};

describe('partnerTransitions', () => {
  it.each<[RequestState, RequestState[]]>([
    ['unresolved', ['in_progress', 'rejected']],
    // Done is the technician's to declare; the partner completes a request in progress by resolving it.
    ['in_progress', ['resolved', 'rejected']],
    ['done', ['in_progress', 'resolved', 'rejected']],
    ['rejected', ['in_progress']],
    ['resolved', []],
  ])('from %s offers %j', (state, expected) => {
    expect(partnerTransitions(state)).toEqual(expected);
  });
});

describe('draftFromError', () => {
  it.each([
    ['user', 'Toner noir vide', true, 'Toner noir vide'],
    ['technician', 'Toner noir vide', false, 'Toner noir vide'],
    ['engineer', '   ', false, 'noToner'],
  ] as const)('complexity %s, description %j -> userCanFix %s, subject %j', (complexity, description, userCanFix, subject) => {
    const draft = draftFromError(currentError({ complexity, description }));
    expect(draft).toEqual({ deviceId, deviceLabel: 'P-001 · Canon iR C3226 · Bureau Alpin SA', alertId, alertText: subject, subject, userCanFix });
  });

  it('cuts a long alert text to the subject limit', () => {
    expect(draftFromError(currentError({ description: 'x'.repeat(250) })).subject).toHaveLength(200);
  });
});

describe('newRequestHref and draftFromQuery', () => {
  it.each([
    ['an empty draft', EMPTY_DRAFT, '/console/requests/new'],
    ['a draft from an error', draftFromError(currentError({})), `/console/requests/new?deviceId=${deviceId}&deviceLabel=P-001+%C2%B7+Canon+iR+C3226+%C2%B7+Bureau+Alpin+SA&alertId=${alertId}&alertText=Toner+noir+vide&subject=Toner+noir+vide&userCanFix=true`],
  ])('%s round-trips', (_name, draft, href) => {
    expect(newRequestHref(draft)).toBe(href);
    const query = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(draftFromQuery(query)).toEqual(draft);
  });

  it('ignores repeated and unknown parameters', () => {
    expect(draftFromQuery({ deviceId: ['a', 'b'], userCanFix: 'yes', other: 'x' })).toEqual(EMPTY_DRAFT);
  });
});

describe('stepsFromText', () => {
  it.each([
    ['', []],
    ['Ouvrir le capot\n\n  Retirer la feuille  \n', ['Ouvrir le capot', 'Retirer la feuille']],
  ])('%j -> %j', (text, steps) => {
    expect(stepsFromText(text)).toEqual(steps);
  });
});

describe('createBody', () => {
  it.each([
    [
      'by hand, no technician: only what was given',
      { draft: { ...EMPTY_DRAFT, deviceId, subject: ' Bourrage ' }, description: ' ', stepsText: 'ignored', technicianId: '' },
      { deviceId, subject: 'Bourrage', description: '', userCanFix: false, steps: [] },
    ],
    [
      'from an error the user can fix, assigned',
      { draft: draftFromError(currentError({})), description: 'Vide', stepsText: 'Changer le toner', technicianId: requestId },
      { deviceId, alertId, subject: 'Toner noir vide', description: 'Vide', userCanFix: true, steps: ['Changer le toner'], technicianId: requestId },
    ],
  ])('%s', (_name, form, body) => {
    expect(createBody(form)).toEqual(body);
  });
});

describe('readConflict', () => {
  it.each<[string, ApiError, boolean]>([
    ['a 409 with the server request', { code: 'conflict', message: 'Changed', details: { fields: ['technicianId'], server: serverRequest } }, true],
    ['a 409 without a body to trust', { code: 'conflict', message: 'Changed', details: { fields: 'technicianId' } }, false],
    ['another error', { code: 'forbidden', message: 'No', details: { fields: ['technicianId'], server: serverRequest } }, false],
  ])('%s', (_name, error, found) => {
    const conflict = readConflict(error);
    expect(conflict !== undefined).toBe(found);
    if (conflict) expect(conflict).toEqual({ fields: ['technicianId'], server: serverRequest });
  });
});

describe('list queries', () => {
  it.each<[ErrorTab, string]>([
    ['current', 'page=2&pageSize=50&customerId=c1&complexity=user'],
    ['ignored', 'page=2&pageSize=50&ignored=true&customerId=c1&complexity=user'],
    ['auto', 'page=2&pageSize=50&repaired=auto&customerId=c1&complexity=user'],
    ['manual', 'page=2&pageSize=50'],
    ['supplies', 'page=2&pageSize=50&customerId=c1'],
  ])('errors tab %s -> %s', (tab, query) => {
    expect(errorsQuery(tab, { customerId: 'c1', complexity: 'user' }, 2, 50).toString()).toBe(query);
  });

  it.each([
    [{ state: '', technicianId: '', customerId: '' }, 'page=1&pageSize=25'],
    [{ state: 'open', technicianId: 't1', customerId: 'c1' }, 'page=1&pageSize=25&state=open&technicianId=t1&customerId=c1'],
  ])('requests %j -> %s', (filters, query) => {
    expect(requestsQuery(filters, 1, 25).toString()).toBe(query);
  });

  it.each([
    [0, 50, 1],
    [50, 50, 1],
    [51, 50, 2],
  ])('%i items by %i -> %i pages', (total, size, pages) => {
    expect(pageCount(total, size)).toBe(pages);
  });
});

describe('requestPathFor', () => {
  it.each([
    ['partner_admin', `/console/requests/${requestId}`],
    ['partner_staff', `/console/requests/${requestId}`],
    ['technician', `/tech/requests/${requestId}`],
    ['coordinator', `/coordinator/requests/${requestId}`],
  ] as const)('%s -> %s', (role, path) => {
    expect(requestPathFor(role, requestId)).toBe(path);
  });
});
