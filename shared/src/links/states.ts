import { DomainError } from '../errors.ts';

/**
 * Lifecycle of a meter-entry link, as the dealer sees it in the console:
 * issued -> sent -> opened -> first_entry -> complete, or revoked / expired on the way.
 *
 * Repeated events keep the state (a link is opened many times, entries are edited until the
 * deadline), so the transition is idempotent and replays from an outbox are harmless. A complete
 * link stays complete at expiry: the deadline passing is not news for a customer who finished.
 */
export const LINK_STATES = ['issued', 'sent', 'opened', 'first_entry', 'complete', 'revoked', 'expired'] as const;
export type LinkState = (typeof LINK_STATES)[number];

export const LINK_EVENTS = ['send', 'open', 'enter', 'complete', 'revoke', 'expire'] as const;
export type LinkEvent = (typeof LINK_EVENTS)[number];

type Transitions = Record<LinkState, Partial<Record<LinkEvent, LinkState>>>;

const TRANSITIONS: Transitions = {
  // A dealer may hand a link over by phone before any email goes out: open works from issued.
  issued: { send: 'sent', open: 'opened', revoke: 'revoked', expire: 'expired' },
  sent: { send: 'sent', open: 'opened', revoke: 'revoked', expire: 'expired' },
  opened: { send: 'opened', open: 'opened', enter: 'first_entry', revoke: 'revoked', expire: 'expired' },
  first_entry: { send: 'first_entry', open: 'first_entry', enter: 'first_entry', complete: 'complete', revoke: 'revoked', expire: 'expired' },
  complete: { send: 'complete', open: 'complete', enter: 'complete', complete: 'complete', revoke: 'revoked', expire: 'complete' },
  revoked: { revoke: 'revoked', expire: 'revoked' },
  expired: { expire: 'expired' },
};

export function canTransitionLink(state: LinkState, event: LinkEvent): boolean {
  return TRANSITIONS[state][event] !== undefined;
}

export function transitionLink(state: LinkState, event: LinkEvent): LinkState {
  const next = TRANSITIONS[state][event];
  if (!next) throw new DomainError('conflict', `a ${state} link cannot ${event}`, { state, event });
  return next;
}

/** Whether a customer may still use the link (view and enter readings). */
export function isLinkUsable(state: LinkState, expiresAt: Date, now: Date): boolean {
  return state !== 'revoked' && state !== 'expired' && now.getTime() < expiresAt.getTime();
}

/** The state to show at `now`: a link past its expiry is expired unless revoked or complete. */
export function linkStateAt(state: LinkState, expiresAt: Date, now: Date): LinkState {
  return now.getTime() >= expiresAt.getTime() ? transitionLink(state, 'expire') : state;
}
