import { DomainError } from '../errors.ts';

/**
 * A maintenance request's life (the seed's "Demandes en cours"):
 *
 *   unresolved ──start──▶ in_progress ──finish──▶ done ──confirm──▶ resolved
 *        │                  ▲  │  │               │  │               ▲
 *        │                  │  │  └────reject─────┼──┼──▶ rejected   │
 *        └──────reject──────┼──┼──────────────────┘  │       │       │
 *                           ├──┼───reopen (tech)─────┘       │       │
 *                           └──┼───reopen (partner)──────────┘       │
 *                              └──────complete (partner)─────────────┘
 *
 * Rejected means the partner refused the request or the technician's repair. It is a closed state
 * that the partner may reopen (back to in_progress) when the refusal was a "do it again"; that keeps
 * one request per problem instead of a chain of copies. Resolved is final. The partner may also
 * complete a request still in progress (repaired without the technician declaring it done, or by
 * phone): that closes it as resolved in one step.
 * Every change carries a comment: the history is what the device's file shows.
 */
export const REQUEST_STATES = ['unresolved', 'in_progress', 'done', 'resolved', 'rejected'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** Who acts on requests; backend roles map onto these (partner_admin and partner_staff are `partner`). */
export const REQUEST_ACTORS = ['partner', 'technician', 'coordinator'] as const;
export type RequestActor = (typeof REQUEST_ACTORS)[number];

/** States in which a request still needs work: what technicians and coordinators see as open. */
export const OPEN_REQUEST_STATES = ['unresolved', 'in_progress', 'done'] as const satisfies readonly RequestState[];
/** The seed's "Réparé manuellement": repaired through a request, awaiting or given the partner's confirmation. */
export const MANUALLY_REPAIRED_STATES = ['done', 'resolved'] as const satisfies readonly RequestState[];

interface TransitionRule {
  from: RequestState;
  to: RequestState;
  /** Technicians act only on requests assigned to them. */
  actors: readonly RequestActor[];
}

export const REQUEST_TRANSITIONS: readonly TransitionRule[] = [
  { from: 'unresolved', to: 'in_progress', actors: ['partner', 'technician'] },
  { from: 'in_progress', to: 'done', actors: ['technician'] },
  { from: 'in_progress', to: 'resolved', actors: ['partner'] },
  // The technician takes back a "done" (a part is missing after all) before the partner confirms.
  { from: 'done', to: 'in_progress', actors: ['technician', 'partner'] },
  { from: 'done', to: 'resolved', actors: ['partner'] },
  { from: 'unresolved', to: 'rejected', actors: ['partner'] },
  { from: 'in_progress', to: 'rejected', actors: ['partner'] },
  { from: 'done', to: 'rejected', actors: ['partner'] },
  { from: 'rejected', to: 'in_progress', actors: ['partner'] },
];

export const MAX_COMMENT_LENGTH = 2000;

export interface TransitionAttempt {
  from: RequestState;
  to: RequestState;
  actor: RequestActor;
  /** False for a technician the request is not assigned to. */
  isAssignee: boolean;
  comment: string;
}

export type TransitionVerdict = { allowed: true } | { allowed: false; code: 'bad_request' | 'forbidden' | 'conflict'; reason: string };

/** Whether `actor` may move a request from `from` to `to`; the reason says why not. */
export function checkTransition(attempt: TransitionAttempt): TransitionVerdict {
  if (attempt.comment.trim().length === 0) return { allowed: false, code: 'bad_request', reason: 'A comment is required for every change of state.' };
  if (attempt.comment.length > MAX_COMMENT_LENGTH) return { allowed: false, code: 'bad_request', reason: `A comment has at most ${MAX_COMMENT_LENGTH} characters.` };
  const rule = REQUEST_TRANSITIONS.find((candidate) => candidate.from === attempt.from && candidate.to === attempt.to);
  if (!rule) return { allowed: false, code: 'conflict', reason: `A request cannot go from ${attempt.from} to ${attempt.to}.` };
  if (!rule.actors.includes(attempt.actor)) return { allowed: false, code: 'forbidden', reason: `A ${attempt.actor} cannot move a request from ${attempt.from} to ${attempt.to}.` };
  if (attempt.actor === 'technician' && !attempt.isAssignee) return { allowed: false, code: 'forbidden', reason: 'This request is not assigned to you.' };
  return { allowed: true };
}

/** Throws the verdict's DomainError when the transition is not allowed. */
export function assertTransition(attempt: TransitionAttempt): void {
  const verdict = checkTransition(attempt);
  if (!verdict.allowed) throw new DomainError(verdict.code, verdict.reason, { field: verdict.code === 'bad_request' ? 'comment' : 'to' });
}

/** The states `actor` may move a request to from `from`: what a screen offers as buttons. */
export function nextStates(from: RequestState, actor: RequestActor, isAssignee: boolean): RequestState[] {
  return REQUEST_TRANSITIONS.filter((rule) => rule.from === from && rule.actors.includes(actor) && (actor !== 'technician' || isAssignee)).map((rule) => rule.to);
}
