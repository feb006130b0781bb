import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DomainError, errorMessage } from '@parc/shared';
import { toErrorResponse, validationError, type ErrorBody } from './errors.ts';

/** An app that throws `error`, for a signed-in user of `language` when given (as the session gate sets it). */
async function answer(error: unknown, language?: string): Promise<{ status: number; body: ErrorBody }> {
  const app = new Hono<{ Variables: { user: { language: string } } }>();
  app.use(async (c, next) => {
    if (language) c.set('user', { language });
    await next();
  });
  app.get('/', () => {
    throw error;
  });
  app.onError(toErrorResponse);
  const response = await app.request('/');
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

const serialTaken = () => new DomainError('device.serial_taken', { serial: 'X1234', deviceCode: 'DF-12', field: 'serial' });

describe('toErrorResponse', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers the key, the parameters and the field, worded in the signed-in user’s language', async () => {
    expect(await answer(serialTaken(), 'de')).toEqual({
      status: 409,
      body: {
        code: 'conflict',
        key: 'device.serial_taken',
        params: { serial: 'X1234', deviceCode: 'DF-12', field: 'serial' },
        message:
          'Die Seriennummer X1234 wird bereits vom aktiven Gerät DF-12 verwendet; deaktivieren Sie zuerst jenes Gerät, falls die Maschine umgezogen ist.',
        field: 'serial',
      },
    });
  });

  it.each([
    ['without a session', undefined],
    ['for a user whose language Parc does not speak', 'pt'],
  ])('words the message in English %s', async (_case, language) => {
    const { body } = await answer(serialTaken(), language);
    expect(body.message).toBe(serialTaken().message);
    expect(body.message).toMatch(/^The serial number X1234 is already used by the active device DF-12;/);
  });

  it('keeps a refused reading’s reason beside its key', async () => {
    const reason = { code: 'below_last', params: { lastValue: 5000, lastDate: '2026-01-31', otherCounter: null } } as const;
    const { status, body } = await answer(new DomainError('reading.refused', { reason, field: 'value' }), 'it');
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'reading_refused', key: 'reading.refused', reason, field: 'value', message: errorMessage('reading.refused', { reason }, 'it') });
  });

  it('passes a keyless error on with its own message and no key', async () => {
    expect(await answer(new DomainError('conflict', 'a closed link cannot open', { field: 'state', partnerId: 'p1' }), 'fr')).toEqual({
      status: 409,
      body: { code: 'conflict', params: {}, message: 'a closed link cannot open', field: 'state' },
    });
  });

  it.each([
    [{ code: '23505', constraint_name: 'devices_serial_unique' }, 409, 'database.duplicate', { constraint: 'devices_serial_unique' }],
    [{ cause: { code: '23503', constraint: 'devices_customer_fk' } }, 400, 'database.missing_reference', { constraint: 'devices_customer_fk' }],
    [{ code: '23514' }, 400, 'database.out_of_range', { constraint: null }],
    [{ code: '22003' }, 400, 'database.number_too_large', {}],
    [{ cause: { code: '22021' } }, 400, 'database.bad_value', {}],
    [{ cause: { code: '22P05' } }, 400, 'database.bad_value', {}],
    [{ cause: { code: '22P02' } }, 400, 'database.bad_value', {}],
    [{ cause: { code: '54000' } }, 400, 'database.bad_value', {}],
  ])('keys the database error %j', async (error, status, key, params) => {
    expect(await answer(Object.assign(new Error('db'), error))).toMatchObject({ status, body: { key, params } });
  });

  it.each([
    [new HTTPException(400, { message: 'Malformed JSON in request body' }), 400, 'request.unreadable', { detail: 'Malformed JSON in request body' }],
    [new HTTPException(401), 401, 'session.required', {}],
  ])('keys the framework’s refusal %#', async (error, status, key, params) => {
    expect(await answer(error)).toMatchObject({ status, body: { key, params } });
  });

  it('answers anything else as our failure, in the user’s language, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await answer(new TypeError('boom'), 'fr')).toEqual({
      status: 500,
      body: { code: 'internal', key: 'server.internal', params: {}, message: 'Une erreur est survenue de notre côté ; rien n’a été enregistré. Veuillez réessayer.' },
    });
    expect(log).toHaveBeenCalledOnce();
  });

  it('logs a failed query’s SQL without its parameters', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = Object.assign(new Error('Failed query: select $1\nparams: secret-token'), { query: 'select $1', params: ['secret-token'], cause: { code: 'XX000', message: 'internal' } });
    expect((await answer(failed)).status).toBe(500);
    expect(JSON.stringify(log.mock.calls)).toContain('select $1');
    expect(JSON.stringify(log.mock.calls)).not.toContain('secret-token');
  });
});

describe('validationError', () => {
  const schema = z.strictObject({
    name: z.string().min(1).max(80),
    email: z.email(),
    role: z.enum(['coordinator', 'technician']),
    page: z.number().int().positive(),
    snmp: z.object({ community: z.string() }),
    timezone: z.string().refine((value) => value.includes('/'), 'Use an IANA time zone such as Europe/Zurich'),
    step: z.number().multipleOf(5),
    tags: z.array(z.string()).max(2),
  });
  const valid = { name: 'HQ', email: 'a@b.ch', role: 'technician', page: 1, snmp: { community: 'public' }, timezone: 'Europe/Zurich', step: 5, tags: [] };
  const firstIssue = (input: unknown) => validationError(schema.safeParse(input).error!);

  it.each([
    ['a missing field', { ...valid, name: undefined }, 'validation.invalid_type', { field: 'name', expected: 'string' }],
    ['an empty text', { ...valid, name: '' }, 'validation.too_small', { field: 'name', origin: 'string', minimum: 1, inclusive: true, exact: false }],
    ['a text too long', { ...valid, name: 'x'.repeat(81) }, 'validation.too_big', { field: 'name', origin: 'string', maximum: 80, inclusive: true, exact: false }],
    ['a malformed email', { ...valid, email: 'nope' }, 'validation.invalid_format', { field: 'email', format: 'email' }],
    ['a value off the list', { ...valid, role: 'boss' }, 'validation.invalid_value', { field: 'role', values: ['coordinator', 'technician'] }],
    ['a number too small', { ...valid, page: 0 }, 'validation.too_small', { field: 'page', origin: 'number', minimum: 0, inclusive: false, exact: false }],
    ['a nested field', { ...valid, snmp: {} }, 'validation.invalid_type', { field: 'snmp.community', expected: 'string' }],
    ['a schema rule', { ...valid, timezone: 'CET' }, 'validation.custom', { field: 'timezone', detail: 'Use an IANA time zone such as Europe/Zurich' }],
    ['a step off', { ...valid, step: 7 }, 'validation.not_multiple_of', { field: 'step', divisor: 5 }],
    ['a list too long', { ...valid, tags: ['a', 'b', 'c'] }, 'validation.too_big', { field: 'tags', origin: 'array', maximum: 2, inclusive: true, exact: false }],
    ['unknown fields', { ...valid, colour: 'red' }, 'validation.unrecognized_keys', { keys: ['colour'] }],
    ['no object at all', 'text', 'validation.invalid_type', { expected: 'object' }],
  ])('keys %s with its parameters', (_case, input, key, params) => {
    const error = firstIssue(input);
    expect(error).toMatchObject({ code: 'bad_request', key });
    expect(error.params).toEqual(params);
  });

  it('keeps the English wording for API users', () => {
    expect(firstIssue({ ...valid, name: '' }).message).toBe('“name”: must not be empty.');
    expect(firstIssue({ ...valid, timezone: 'CET' }).message).toBe('“timezone”: Use an IANA time zone such as Europe/Zurich.');
  });

  it('keys any other issue as invalid', () => {
    const union = z.union([z.string(), z.number()]);
    expect(validationError(union.safeParse(true).error!)).toMatchObject({ key: 'validation.invalid', params: {} });
  });
});
