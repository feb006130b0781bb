/**
 * The coordinator's problem reports, queued like the technician's changes. A report is written to
 * the outbox first under its client-made id, shown at once as waiting, and sent when the network
 * allows: right away, when the browser comes back online, and at start. It leaves the outbox only
 * once the server answered for it; the server opens one request per report id, so a report sent
 * again after a lost answer opens no second request. One pass runs at a time (`singleFlight`): a
 * report is never sent twice in parallel. A report the server refuses (the device is no longer the
 * coordinator's) is kept, with what was typed, until the coordinator has read why.
 */
import { createStore, unwrap } from 'solid-js/store';
import type { MaintenanceRequest, ProblemReport } from '@parc/shared/contracts/tickets';
import type { ApiErrorCode, ApiResult } from '../api/client.ts';
import type { NetworkStatus } from '../platform/network.ts';
import type { LocalStorage, StoredOutboxItem } from '../platform/storage.ts';
import { singleFlight } from './single-flight.ts';

export interface ReportOutboxApi {
  reportProblem(report: ProblemReport): Promise<ApiResult<MaintenanceRequest>>;
}

export interface QueuedReport {
  report: ProblemReport;
  /** When the coordinator sent it, by the phone's clock. */
  createdAt: string;
}

export interface RefusedReport extends QueuedReport {
  code: ApiErrorCode;
}

export interface ReportOutboxState {
  /** Reports waiting to be sent, oldest first. */
  pending: QueuedReport[];
  /** Reports the server refused, newest first, until read. */
  refused: RefusedReport[];
}

export interface ReportOutbox {
  state: ReportOutboxState;
  /** Shows what this phone still holds, then sends it. */
  start(): Promise<void>;
  /** Queues the report (the same report id again replaces it in place) and sends it if the network allows. */
  submit(report: ProblemReport): Promise<void>;
  /** Sends what is waiting; resolves once the pass (and any pass asked for meanwhile) is over. */
  flush(): Promise<void>;
  /** Forgets a refused report once read. */
  dismiss(clientId: string): Promise<void>;
  dispose(): void;
}

export interface ReportOutboxDeps {
  /** The signed-in coordinator: a shared phone keeps each one's reports apart. */
  owner: string;
  api: ReportOutboxApi;
  storage: LocalStorage;
  network: NetworkStatus;
  now(): Date;
  /** Called after a pass that got reports through: the overview then shows the requests they opened. */
  onSent(): void;
}

/** The server's answers that refuse the report itself; any other failure (no network, server down…) keeps it queued. */
const REFUSALS: readonly ApiErrorCode[] = ['bad_request', 'forbidden', 'not_found', 'conflict'];

export const REPORT_KIND = 'coordinator.report';

export function createReportOutbox(deps: ReportOutboxDeps): ReportOutbox {
  const { api, storage, network } = deps;
  const kind = `${REPORT_KIND}.${deps.owner}`;
  const refusedKey = `coordinator.${deps.owner}.refusedReports`;
  const [state, setState] = createStore<ReportOutboxState>({ pending: [], refused: [] });

  const isReport = (item: StoredOutboxItem): item is StoredOutboxItem<ProblemReport> => item.kind === kind;

  async function readQueue(): Promise<QueuedReport[]> {
    return (await storage.listPending()).filter(isReport).map((item) => ({ report: item.payload, createdAt: item.createdAt }));
  }

  async function refresh() {
    setState('pending', await readQueue());
  }

  async function refuse(queued: QueuedReport, code: ApiErrorCode) {
    const refused = [{ ...queued, code }, ...unwrap(state.refused)];
    // Kept before it leaves the outbox: a crash in between sends it again, which the server answers the same.
    await storage.set(refusedKey, refused);
    setState('refused', refused);
  }

  async function pass() {
    if (!network.isOnline()) return;
    let sent = false;
    try {
      for (const queued of await readQueue()) {
        const result = await api.reportProblem(queued.report);
        if (!result.ok && !REFUSALS.includes(result.error.code)) return;
        if (!result.ok) await refuse(queued, result.error.code);
        else sent = true;
        await storage.confirm([queued.report.clientId]);
        await refresh();
      }
    } finally {
      await refresh();
      if (sent) deps.onSent();
    }
  }

  const flush = singleFlight(pass);
  const unsubscribe = network.subscribe((online) => {
    if (online) void flush();
  });

  return {
    state,
    async start() {
      setState('refused', (await storage.get<RefusedReport[]>(refusedKey)) ?? []);
      await refresh();
      await flush();
    },
    async submit(report) {
      await storage.enqueue({ id: report.clientId, kind, payload: report, createdAt: deps.now().toISOString() });
      await refresh();
      void flush();
    },
    flush,
    async dismiss(clientId) {
      const refused = unwrap(state.refused).filter((entry) => entry.report.clientId !== clientId);
      await storage.set(refusedKey, refused);
      setState('refused', refused);
    },
    dispose: unsubscribe,
  };
}
