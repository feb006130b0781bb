import type { MaintenanceRequest, RequestEvent } from '../contracts/tickets.ts';

/**
 * Who reads what is written on a request. Every comment and note is chosen, when written, as
 * `internal` (the dealer and its technicians: "cyan drum probably scratched") or `shared` (the
 * customer's coordinators too: their emails and their screens). Nothing written without a choice
 * reaches a customer: the default is internal, and the customer's own report is shared.
 */
export const NOTE_VISIBILITIES = ['internal', 'shared'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];
export const DEFAULT_VISIBILITY: NoteVisibility = 'internal';

/** The history lines a customer follows: the report, the changes of state, the notes. Assignments, edits, photos and parts stay with the dealer. */
const CUSTOMER_EVENT_KINDS: readonly RequestEvent['kind'][] = ['created', 'state', 'note'];

/** A request's history as its customer sees it: internal notes left out, internal comments of the other lines blanked. */
export function customerEvents(events: readonly RequestEvent[]): RequestEvent[] {
  return events
    .filter((event) => CUSTOMER_EVENT_KINDS.includes(event.kind) && (event.kind !== 'note' || event.visibility === 'shared'))
    .map((event) => (event.visibility === 'shared' ? event : { ...event, comment: null }));
}

/**
 * A request as the customer's coordinator sees it: its state, subject and steps, the shared part of
 * its history, and the description only while it is still the customer's own words (a shared
 * report nobody on the dealer's side rewrote). No photos: they are the dealer's working material.
 */
export function customerView(request: MaintenanceRequest): MaintenanceRequest {
  const created = request.events.find((event) => event.kind === 'created');
  const rewritten = request.events.some((event) => event.kind === 'edit' && event.fields.includes('description'));
  const ownWords = created?.visibility === 'shared' && !rewritten;
  return { ...request, description: ownWords ? request.description : '', events: customerEvents(request.events), attachments: [] };
}
