import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { canTransitionLink, isLinkUsable, LINK_EVENTS, LINK_STATES, linkStateAt, transitionLink, type LinkEvent, type LinkState } from './states.ts';

describe('transitionLink', () => {
  it.each<[LinkState, LinkEvent, LinkState]>([
    ['issued', 'send', 'sent'],
    ['issued', 'open', 'opened'],
    ['sent', 'send', 'sent'],
    ['sent', 'open', 'opened'],
    ['opened', 'open', 'opened'],
    ['opened', 'send', 'opened'],
    ['opened', 'enter', 'first_entry'],
    ['first_entry', 'enter', 'first_entry'],
    ['first_entry', 'open', 'first_entry'],
    ['first_entry', 'complete', 'complete'],
    ['complete', 'enter', 'complete'],
    ['complete', 'expire', 'complete'],
    ['complete', 'revoke', 'revoked'],
    ['issued', 'expire', 'expired'],
    ['sent', 'expire', 'expired'],
    ['first_entry', 'expire', 'expired'],
    ['sent', 'revoke', 'revoked'],
    ['revoked', 'revoke', 'revoked'],
    ['revoked', 'expire', 'revoked'],
    ['expired', 'expire', 'expired'],
  ])('%s --%s--> %s', (from, event, to) => {
    expect(canTransitionLink(from, event)).toBe(true);
    expect(transitionLink(from, event)).toBe(to);
  });

  it.each<[LinkState, LinkEvent]>([
    ['issued', 'enter'],
    ['sent', 'enter'],
    ['issued', 'complete'],
    ['opened', 'complete'],
    ['revoked', 'open'],
    ['revoked', 'enter'],
    ['expired', 'open'],
    ['expired', 'enter'],
    ['expired', 'revoke'],
    ['expired', 'send'],
  ])('%s cannot %s', (from, event) => {
    expect(canTransitionLink(from, event)).toBe(false);
    expect(() => transitionLink(from, event)).toThrow(DomainError);
    expect(() => transitionLink(from, event)).toThrow(expect.objectContaining({ code: 'conflict', meta: { state: from, event } }));
  });

  it('is idempotent: applying any allowed event twice equals applying it once', () => {
    for (const state of LINK_STATES) {
      for (const event of LINK_EVENTS) {
        if (!canTransitionLink(state, event)) continue;
        const once = transitionLink(state, event);
        expect(transitionLink(once, event)).toBe(once);
      }
    }
  });
});

describe('isLinkUsable', () => {
  const expiresAt = new Date('2026-12-04T23:00:00Z');
  it.each<[LinkState, string, boolean]>([
    ['sent', '2026-12-04T22:59:59Z', true],
    ['complete', '2026-12-01T00:00:00Z', true],
    ['sent', '2026-12-04T23:00:00Z', false],
    ['complete', '2026-12-05T00:00:00Z', false],
    ['revoked', '2026-11-21T00:00:00Z', false],
    ['expired', '2026-11-21T00:00:00Z', false],
  ])('%s at %s: %s', (state, now, usable) => {
    expect(isLinkUsable(state, expiresAt, new Date(now))).toBe(usable);
  });
});

describe('linkStateAt', () => {
  const expiresAt = new Date('2026-12-04T23:00:00Z');
  it.each<[LinkState, string, LinkState]>([
    ['sent', '2026-12-04T22:59:59Z', 'sent'],
    ['sent', '2026-12-04T23:00:00Z', 'expired'],
    ['first_entry', '2026-12-10T00:00:00Z', 'expired'],
    ['complete', '2026-12-10T00:00:00Z', 'complete'],
    ['revoked', '2026-12-10T00:00:00Z', 'revoked'],
  ])('%s at %s shows as %s', (state, now, expected) => {
    expect(linkStateAt(state, expiresAt, new Date(now))).toBe(expected);
  });
});
