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
  ranges: z.array(z.string()),
  /** Tried in order for every host. */
  credentials: z.array(SnmpCredentialSchema),
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

export const PushSamplesRequestSchema = z.object({ samples: z.array(AgentSampleSchema).min(1).max(500) });

export const SampleResultSchema = z.object({
  sampleId: z.string().uuid(),
  /** accepted: stored; duplicate: seen before (nothing changed); pending_device: waits in "devices to add"; rejected: see message. */
  status: z.enum(['accepted', 'duplicate', 'pending_device', 'rejected']),
  message: z.string().optional(),
});
export const PushSamplesResponseSchema = z.object({ results: z.array(SampleResultSchema) });
export type SampleResult = z.infer<typeof SampleResultSchema>;

/** Why a host on the agent's ranges gave no data; shown to the partner ("why no data?"). */
export const FAILURE_REASONS = ['timeout', 'wrong_community', 'v3_auth', 'v3_privacy', 'v3_unknown_user', 'missing_context', 'unknown_model', 'snmp_error'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const DiscoveryReportSchema = z.object({
  scanId: z.string().uuid(),
  startedAt: z.string().datetime(),
  finishedAt: z.string().datetime().nullable(),
  /** Hosts probed so far out of the total: the console shows progress while a scan runs. */
  progress: z.object({ probed: z.number().int().min(0), total: z.number().int().min(0) }),
  found: z.array(z.object({ ip: z.string(), serial: z.string().nullable(), mac: z.string().nullable(), manufacturer: z.string().nullable(), model: z.string().nullable() })),
  failures: z.array(z.object({ ip: z.string(), reason: z.enum(FAILURE_REASONS), message: z.string() })),
});
export type DiscoveryReport = z.infer<typeof DiscoveryReportSchema>;
