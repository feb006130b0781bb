/** What the partner's maintenance screens decide, kept pure so tables of cases test it. */
import type { ApiError } from '../../api/client.ts';
import { requestConflictSchema, type CurrentError, type ErrorDevice, type MaintenanceRequest, type RequestCreate } from '@parc/shared/contracts/tickets';
import { nextStates, type RequestState } from '@parc/shared/tickets/states';
import type { Role } from '../../api/auth.ts';
import { areaFor } from '../shell/navigation.ts';

/** The states a partner may move a request to: the buttons of the request page. */
export function partnerTransitions(state: RequestState): RequestState[] {
  return nextStates(state, 'partner', false);
}

/** What the create form starts with; from an error, its text is the subject and "user can fix" follows its complexity. */
export interface RequestDraft {
  deviceId: string;
  /** How the chosen device is shown (ID, model, customer). */
  deviceLabel: string;
  alertId: string;
  alertText: string;
  subject: string;
  userCanFix: boolean;
}

export const EMPTY_DRAFT: RequestDraft = { deviceId: '', deviceLabel: '', alertId: '', alertText: '', subject: '', userCanFix: false };

export function deviceLabel(device: Pick<ErrorDevice, 'deviceCode' | 'manufacturer' | 'model' | 'customerName'>): string {
  return `${device.deviceCode} · ${device.manufacturer} ${device.model} · ${device.customerName}`;
}

export function draftFromError(error: Pick<CurrentError, 'id' | 'device' | 'description' | 'code' | 'complexity'>): RequestDraft {
  const alertText = error.description.trim() || error.code;
  return { deviceId: error.device.id, deviceLabel: deviceLabel(error.device), alertId: error.id, alertText, subject: alertText.slice(0, 200), userCanFix: error.complexity === 'user' };
}

/** The create page's address for a draft: the errors page links to it, so a reload keeps the prefill. */
export function newRequestHref(draft: RequestDraft): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(draft)) if (value !== '' && value !== false) params.set(key, String(value));
  const query = params.toString();
  return `/console/requests/new${query ? `?${query}` : ''}`;
}

/** Reads back what `newRequestHref` wrote; anything else is ignored. */
export function draftFromQuery(query: Readonly<Record<string, string | string[] | undefined>>): RequestDraft {
  const text = (key: keyof RequestDraft) => {
    const value = query[key];
    return typeof value === 'string' ? value : '';
  };
  return { deviceId: text('deviceId'), deviceLabel: text('deviceLabel'), alertId: text('alertId'), alertText: text('alertText'), subject: text('subject'), userCanFix: text('userCanFix') === 'true' };
}

/** One step per non-empty line. */
export function stepsFromText(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export interface CreateForm {
  draft: RequestDraft;
  description: string;
  stepsText: string;
  technicianId: string;
}

/** The POST body: the alert id lets the server link the request to its error; empty choices are left out. */
export function createBody(form: CreateForm): Partial<RequestCreate> & { deviceId: string } {
  const steps = form.draft.userCanFix ? stepsFromText(form.stepsText) : [];
  return {
    deviceId: form.draft.deviceId,
    ...(form.draft.alertId ? { alertId: form.draft.alertId } : {}),
    ...(form.draft.subject.trim() ? { subject: form.draft.subject.trim() } : {}),
    description: form.description.trim(),
    userCanFix: form.draft.userCanFix,
    steps,
    ...(form.technicianId ? { technicianId: form.technicianId } : {}),
  };
}

/** A PATCH refused because someone changed the same fields meanwhile: which ones, and the request as it now is. */
export interface EditConflict {
  fields: string[];
  server: MaintenanceRequest;
}

export function readConflict(error: ApiError): EditConflict | undefined {
  if (error.code !== 'conflict') return undefined;
  const parsed = requestConflictSchema.safeParse({ code: error.code, message: error.message, ...error.details });
  return parsed.success ? { fields: parsed.data.fields, server: parsed.data.server } : undefined;
}

/** The printers' errors (current, auto-repaired), those repaired by a request, and the supplies' alarms. */
/** `ignored`: the current errors the dealer chose to ignore (for some days or for good). */
export type ErrorTab = 'current' | 'ignored' | 'auto' | 'manual' | 'supplies';
export const ERROR_TABS: readonly ErrorTab[] = ['current', 'ignored', 'auto', 'manual', 'supplies'];

export interface ErrorFilters {
  customerId: string;
  complexity: string;
}

/** Whether a tab's list takes the filters: the manually repaired list (requests) is not filtered by the server. */
export const tabFilters = (tab: ErrorTab): boolean => tab !== 'manual';

/** The list query of an errors tab. */
export function errorsQuery(tab: ErrorTab, filters: ErrorFilters, page: number, pageSize: number): URLSearchParams {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (tab === 'auto') params.set('repaired', 'auto');
  if (tab === 'ignored') params.set('ignored', 'true');
  // A supply alarm has no complexity: only the customer filters it.
  const keys = tab === 'supplies' ? (['customerId'] as const) : (['customerId', 'complexity'] as const);
  if (tabFilters(tab)) for (const key of keys) if (filters[key]) params.set(key, filters[key]);
  return params;
}

export interface RequestFilters {
  state: string;
  technicianId: string;
  customerId: string;
}

export function requestsQuery(filters: RequestFilters, page: number, pageSize: number): URLSearchParams {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  for (const key of ['state', 'technicianId', 'customerId'] as const) if (filters[key]) params.set(key, filters[key]);
  return params;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Where an email's `/requests/:id` link leads each role: the screen that shows that request to them. */
export function requestPathFor(role: Role, requestId: string): string {
  switch (areaFor(role)) {
    case 'console':
      return `/console/requests/${requestId}`;
    case 'tech':
      return `/tech/requests/${requestId}`;
    case 'coordinator':
      return `/coordinator/requests/${requestId}`;
  }
}
