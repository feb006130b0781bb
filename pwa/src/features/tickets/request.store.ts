/**
 * One maintenance request as the partner works on it: the loaded request, and the actions that
 * replace it with the server's answer. An assignment refused as a conflict keeps the partner's
 * choice and the server's current request side by side, so nothing is silently dropped.
 */
import { createSignal } from 'solid-js';
import type { ApiError } from '../../api/client.ts';
import type { MaintenanceRequest } from '@parc/shared/contracts/tickets';
import type { RequestState } from '@parc/shared/tickets/states';
import type { NoteVisibility } from '@parc/shared/tickets/visibility';
import { randomId } from '../../platform/ids.ts';
import { preparePhoto } from '../tech/photo.ts';
import type { TicketsApi } from './tickets.api.ts';
import { readConflict, type EditConflict } from './tickets.rules.ts';
import { base64Of } from '../../platform/base64.ts';

export interface AssignmentConflict extends EditConflict {
  /** The technician the partner wanted (null: unassign). */
  wanted: string | null;
}

export function createRequestStore(api: TicketsApi, id: string) {
  const [request, setRequest] = createSignal<MaintenanceRequest>();
  const [loadError, setLoadError] = createSignal<ApiError>();
  const [failure, setFailure] = createSignal<ApiError>();
  const [conflict, setConflict] = createSignal<AssignmentConflict>();
  const [busy, setBusy] = createSignal(false);

  async function load() {
    const result = await api.request(id);
    if (result.ok) setRequest(result.data);
    else setLoadError(result.error);
  }

  /** Runs one change; the answer replaces the request, a failure is shown. True when it went through. */
  async function run(change: () => Promise<{ ok: true; data: MaintenanceRequest } | { ok: false; error: ApiError }>): Promise<boolean> {
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await change();
      if (result.ok) setRequest(result.data);
      else setFailure(result.error);
      return result.ok;
    } finally {
      setBusy(false);
    }
  }

  async function assign(technicianId: string | null): Promise<boolean> {
    const current = request();
    if (!current) return false;
    setConflict(undefined);
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await api.update(id, { baseVersion: current.version, technicianId });
      if (result.ok) {
        setRequest(result.data);
        return true;
      }
      const refused = readConflict(result.error);
      if (refused) {
        setRequest(refused.server);
        setConflict({ ...refused, wanted: technicianId });
      } else setFailure(result.error);
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** Sends the partner's choice again, now based on the version they have been shown. */
  async function retryAssignment(): Promise<boolean> {
    const pending = conflict();
    return pending ? assign(pending.wanted) : false;
  }

  const transition = (to: RequestState, comment: string, visibility: NoteVisibility) => run(() => api.transition(id, { to, comment, visibility }));
  const addNote = (comment: string, visibility: NoteVisibility) => run(() => api.addNote(id, { comment, visibility }));

  async function attach(file: File): Promise<boolean> {
    const photo = await preparePhoto(file);
    if (!photo.ok) {
      setFailure({ code: 'bad_request', message: photo.reason });
      return false;
    }
    const dataBase64 = await base64Of(photo.blob);
    return run(async () => {
      const uploaded = await api.upload(id, { id: randomId(), fileName: photo.fileName, contentType: photo.contentType, dataBase64 });
      return uploaded.ok ? api.request(id) : uploaded;
    });
  }

  void load();
  return { request, loadError, failure, conflict, busy, reload: load, assign, retryAssignment, transition, addNote, attach };
}

export type RequestStore = ReturnType<typeof createRequestStore>;
