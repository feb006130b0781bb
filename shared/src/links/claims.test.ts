import { describe, expect, it } from 'vitest';
import { campaignCalendar } from '../meters/periods.ts';
import { linkClaimsFor, linkClaimsSchema, readLinkClaims } from './claims.ts';

const subject = {
  linkId: '0b9c1f4e-4c9b-4a55-9d37-0d4c5b8f6a01',
  customerId: '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b',
  partnerId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  period: '2026-11',
};

describe('linkClaimsFor', () => {
  it('expires at the end of the 4th of the next month in the customer time zone', () => {
    expect(linkClaimsFor(subject, campaignCalendar())).toEqual({
      jti: subject.linkId,
      sub: subject.customerId,
      pid: subject.partnerId,
      per: '2026-11',
      exp: Date.parse('2026-12-04T23:00:00Z') / 1000,
    });
    expect(linkClaimsFor(subject, campaignCalendar({ timeZone: 'Asia/Tokyo' })).exp).toBe(Date.parse('2026-12-04T15:00:00Z') / 1000);
  });

  it('refuses a customer number where an opaque id belongs', () => {
    expect(() => linkClaimsFor({ ...subject, customerId: '999999' }, campaignCalendar())).toThrow();
  });
});

describe('readLinkClaims', () => {
  const claims = linkClaimsFor(subject, campaignCalendar());

  it('returns the subject and drops extra claims', () => {
    expect(readLinkClaims({ ...claims, iat: 1, iss: 'parc' }, new Date('2026-11-25T10:00:00Z'))).toEqual({
      ...subject,
      expiresAt: new Date('2026-12-04T23:00:00Z'),
    });
  });

  it.each([
    ['expired', claims, '2026-12-04T23:00:00Z'],
    ['missing partner', { ...claims, pid: undefined }, '2026-11-25T10:00:00Z'],
    ['bad period', { ...claims, per: '2026-13' }, '2026-11-25T10:00:00Z'],
    ['exp in milliseconds as a string', { ...claims, exp: String(claims.exp * 1000) }, '2026-11-25T10:00:00Z'],
    ['not an object', 'eyJhbGciOi', '2026-11-25T10:00:00Z'],
  ])('rejects %s as link_invalid', (_name, payload, now) => {
    expect(() => readLinkClaims(payload, new Date(now))).toThrow(expect.objectContaining({ code: 'link_invalid' }));
  });

  it('the schema lists only opaque ids, a period and an expiry', () => {
    expect(Object.keys(linkClaimsSchema.shape).sort()).toEqual(['exp', 'jti', 'per', 'pid', 'sub']);
  });
});
