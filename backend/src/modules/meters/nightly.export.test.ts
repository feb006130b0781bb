import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, signBody, toCsvLines, type ExportRow } from './nightly.export.ts';

const row: ExportRow = {
  customerNumber: '999999',
  deviceId: 'ACME-1',
  serial: '6594501067',
  counter: 'mono',
  value: 358965,
  takenAt: '2026-11-20T09:00:00.000Z',
  source: 'link',
  status: 'entered',
};

describe('CSV export', () => {
  it('has a header naming every column', () => {
    expect(CSV_HEADER).toBe('customer_number,device_id,serial,counter,value,taken_at,source,status\r\n');
  });

  it.each([
    ['a plain row', row, '999999,ACME-1,6594501067,mono,358965,2026-11-20T09:00:00.000Z,link,entered\r\n'],
    ['a comma in a serial is quoted', { ...row, serial: 'A,B' }, '999999,ACME-1,"A,B",mono,358965,2026-11-20T09:00:00.000Z,link,entered\r\n'],
    ['quotes are doubled', { ...row, serial: 'A"B' }, '999999,ACME-1,"A""B",mono,358965,2026-11-20T09:00:00.000Z,link,entered\r\n'],
    ['a formula-looking cell is quoted', { ...row, customerNumber: '=1+1' }, '"=1+1",ACME-1,6594501067,mono,358965,2026-11-20T09:00:00.000Z,link,entered\r\n'],
  ])('%s', (_, input, expected) => {
    expect(toCsvLines([input])).toBe(expected);
  });
});

it('signs the exact body with HMAC-SHA256', () => {
  const body = JSON.stringify({ readings: [row] });
  expect(signBody('s3cret-s3cret-s3cret', body)).toBe(`sha256=${createHmac('sha256', 's3cret-s3cret-s3cret').update(body).digest('hex')}`);
  expect(signBody('s3cret-s3cret-s3cret', `${body} `)).not.toBe(signBody('s3cret-s3cret-s3cret', body));
});
