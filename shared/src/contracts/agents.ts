import { z } from 'zod';
import { PrinterReadingSchema } from '../agents/reading.ts';

/**
 * The agent <-> backend protocol.
 *
 * Enrollment: the partner creates an agent for a customer and gets a one-time key (4 groups of 4 uppercase
 * letters). The agent generates an Ed25519 key pair, sends the public key with the key, and receives its
 * credential id. Every later request carries `Authorization: Bearer <JWT>` signed by the agent's private key
 * (EdDSA, header `kid` = credentialId, claims `sub` = agentId, `iat`, `exp` <= 5 minutes after `iat`, unique `jti`).
 * A revoked credential is answered 401 with code `agent_revoked`; the key can then be used once more.
 */
/**
 * The most one agent request or configuration may carry, the same numbers for the server (400
 * naming the field beyond them) and the agent (which splits its batches and scan reports to fit).
 * A batch is applied in chunks of `applyChunk`, each its own short transaction, so other requests
 * get the database between them.
 */
export const AGENT_LIMITS = {
  /** Samples in one POST /agent/samples. */
  samplesPerBatch: 500,
  /** Printers found in one discovery page; a larger scan is sent in several pages. */
  foundPerPage: 1_000,
  /** Hosts that gave no data, in one discovery page. */
  failuresPerPage: 1_000,
  /** Pages of one scan: a /16 (65,534 hosts) fits with room to spare. */
  pagesPerScan: 200,
  /** CIDR ranges and SNMP credentials of one agent. */
  ranges: 50,
  credentials: 20,
  /** Discovery sightings handled per transaction on the server. */
  applyChunk: 100,
  /** Body of one samples or discovery request (413 `request.too_large` beyond); the agent keeps its batches to half of it. */
  requestBytes: 4 * 1024 * 1024,
} as const;

export const ENROLLMENT_KEY_PATTERN = /^[A-Z]{4}-[A-Z]{4}-[A-Z]{4}-[A-Z]{4}$/;
export const EnrollmentKeySchema = z.string().trim().toUpperCase().regex(ENROLLMENT_KEY_PATTERN, 'Expected a key like WTCD-GSAL-RGHJ-QJYS');

export const EnrollRequestSchema = z.object({
  key: EnrollmentKeySchema,
  /** Public JWK of the agent's Ed25519 key pair. */
  publicKey: z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().min(40).max(50) }),
  hostname: z.string().max(255),
  platform: z.string().max(100),
  version: z.string().max(50),
});
export type EnrollRequest = z.infer<typeof EnrollRequestSchema>;

export const AgentSchedulesSchema = z.object({
  /** Counters and supplies: default every 4 hours. 0 switches it off. */
  inspectionMinutes: z.number().int().min(0).max(10_080),
  /** Status and alerts: default every 15 minutes. */
  alertsMinutes: z.number().int().min(0).max(10_080),
  /** Network discovery: default daily. */
  scanMinutes: z.number().int().min(0).max(43_200),
});
export type AgentSchedules = z.infer<typeof AgentSchedulesSchema>;
export const DEFAULT_AGENT_SCHEDULES: AgentSchedules = { inspectionMinutes: 240, alertsMinutes: 15, scanMinutes: 1440 };

export const SnmpCredentialSchema = z.discriminatedUnion('version', [
  z.object({ version: z.enum(['1', '2c']), community: z.string().min(1).max(255) }),
  z.object({
    version: z.literal('3'),
    user: z.string().min(1).max(255),
    authProtocol: z.enum(['none', 'md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512']),
    authKey: z.string().max(255).optional(),
    privProtocol: z.enum(['none', 'des', 'aes', 'aes256b', 'aes256r']),
    privKey: z.string().max(255).optional(),
    /** Some vendors (HP) answer only in a named context. */
    context: z.string().max(255).optional(),
  }),
]);
export type SnmpCredential = z.infer<typeof SnmpCredentialSchema>;

/** What the agent fetches at start and then every minute (how "scan now" reaches it). */
export const AgentConfigSchema = z.object({
  agentId: z.string().uuid(),
  schedules: AgentSchedulesSchema,
  /** CIDR ranges to scan, e.g. 192.168.1.0/24. */
  ranges: z.array(z.string()).max(AGENT_LIMITS.ranges),
  /** Tried in order for every host. */
  credentials: z.array(SnmpCredentialSchema).max(AGENT_LIMITS.credentials),
  timeoutMs: z.number().int().min(100).max(30_000),
  /** Set when the partner pressed "scan now"; the agent scans once when it sees a value newer than its last scan. */
  scanRequestedAt: z.string().datetime().nullable(),
});
export type AgentConfig = z.infer<typeof AgentConfigSchema>;

export const EnrollResponseSchema = z.object({
  agentId: z.string().uuid(),
  credentialId: z.string().uuid(),
  config: AgentConfigSchema,
});
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;

/** One read of one printer. `sampleId` is made by the agent: a sample sent twice is applied once. */
export const AgentSampleSchema = z.object({
  sampleId: z.string().uuid(),
  takenAt: z.string().datetime(),
  ip: z.string().max(64),
  reading: PrinterReadingSchema,
});
export type AgentSample = z.infer<typeof AgentSampleSchema>;

export const PushSamplesRequestSchema = z.object({ samples: z.array(AgentSampleSchema).min(1).max(AGENT_LIMITS.samplesPerBatch) });

export const SampleResultSchema = z.object({
  sampleId: z.string().uuid(),
  /** accepted: stored; duplicate: seen before (nothing changed); pending_device: waits in "devices to add"; rejected: see message. */
  status: z.enum(['accepted', 'duplicate', 'pending_device', 'rejected']),
  message: z.string().optional(),
});
export const PushSamplesResponseSchema = z.object({ results: z.array(SampleResultSchema).max(AGENT_LIMITS.samplesPerBatch) });
export type SampleResult = z.infer<typeof SampleResultSchema>;

/** Why a host on the agent's ranges gave no data; shown to the partner ("why no data?"). */
export const FAILURE_REASONS = ['timeout', 'wrong_community', 'v3_auth', 'v3_privacy', 'v3_unknown_user', 'missing_context', 'unknown_model', 'snmp_error'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const DiscoveredPrinterSchema = z.object({
  ip: z.string().max(64),
  serial: z.string().max(255).nullable(),
  mac: z.string().max(64).nullable(),
  manufacturer: z.string().max(255).nullable(),
  model: z.string().max(255).nullable(),
});
export type DiscoveredPrinter = z.infer<typeof DiscoveredPrinterSchema>;
export const DiscoveryFailureSchema = z.object({ ip: z.string().max(64), reason: z.enum(FAILURE_REASONS), message: z.string().max(2_000) });

/**
 * One report of a scan, sent several times while it runs, each with everything found so far. A report
 * larger than a page goes as pages 0, 1, … of the same snapshot, the last one marked `last`: page 0
 * replaces what the server holds of the scan, the next pages add to it. Without `page` a report is a
 * single page (index 0, last), as older agents send it.
 */
export const DiscoveryReportSchema = z.object({
  scanId: z.string().uuid(),
  startedAt: z.string().datetime(),
  finishedAt: z.string().datetime().nullable(),
  /** Hosts probed so far out of the total: the console shows progress while a scan runs. */
  progress: z.object({ probed: z.number().int().min(0), total: z.number().int().min(0) }),
  page: z.object({ index: z.number().int().min(0).max(AGENT_LIMITS.pagesPerScan - 1), last: z.boolean() }).optional(),
  found: z.array(DiscoveredPrinterSchema).max(AGENT_LIMITS.foundPerPage),
  failures: z.array(DiscoveryFailureSchema).max(AGENT_LIMITS.failuresPerPage),
});
export type DiscoveryReport = z.infer<typeof DiscoveryReportSchema>;

/**
 * A report cut into pages that each fit AGENT_LIMITS: found and failures are sliced side by side,
 * every page carries the scan's id, dates and progress, and only the last one says `last`. A report
 * that fits is one page. The finish date rides on the last page only, so the server closes the scan
 * once it holds every page.
 */
export function paginateDiscovery(report: DiscoveryReport): DiscoveryReport[] {
  const { page: _page, found, failures, ...head } = report;
  const count = Math.max(1, Math.ceil(found.length / AGENT_LIMITS.foundPerPage), Math.ceil(failures.length / AGENT_LIMITS.failuresPerPage));
  if (count > AGENT_LIMITS.pagesPerScan) throw new RangeError(`a scan report of ${found.length} printers and ${failures.length} failures needs more than ${AGENT_LIMITS.pagesPerScan} pages`);
  return Array.from({ length: count }, (_, index) => ({
    ...head,
    finishedAt: index === count - 1 ? head.finishedAt : null,
    page: { index, last: index === count - 1 },
    found: found.slice(index * AGENT_LIMITS.foundPerPage, (index + 1) * AGENT_LIMITS.foundPerPage),
    failures: failures.slice(index * AGENT_LIMITS.failuresPerPage, (index + 1) * AGENT_LIMITS.failuresPerPage),
  }));
}
