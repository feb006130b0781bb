import { z } from 'zod';
import { COUNTER_KINDS } from '../meters/counters.ts';
import { startingCounterSchema } from './devices.ts';

export const DEVICE_IMPORT_MODES = ['preview', 'commit'] as const;
export const deviceImportQuerySchema = z.object({ mode: z.enum(DEVICE_IMPORT_MODES).default('preview') });

/** The file's columns: one per starting counter (a value gives the device that counter). */
export const DEVICE_IMPORT_COLUMNS = ['serial', 'manufacturer', 'model', 'site', 'coordinator', 'installDate', ...COUNTER_KINDS] as const;
export type DeviceImportColumn = (typeof DEVICE_IMPORT_COLUMNS)[number];

/** Bounds of one import file. */
export const MAX_DEVICE_IMPORT_BYTES = 1_000_000;
export const MAX_DEVICE_IMPORT_LINES = 1000;

/** What one line would create. `installedAt` null: installed now. */
export const deviceImportCandidateSchema = z.object({
  serial: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  siteId: z.uuid().nullable(),
  coordinatorId: z.uuid().nullable(),
  installedAt: z.string().nullable(),
  counters: z.array(z.enum(COUNTER_KINDS)),
  startingCounters: z.array(startingCounterSchema),
});
export type DeviceImportCandidate = z.infer<typeof deviceImportCandidateSchema>;

/** A line's error as a catalogue key (shared/errors/fleet.ts) and its parameters; the client words it. */
export const deviceImportErrorSchema = z.object({
  field: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type DeviceImportError = z.infer<typeof deviceImportErrorSchema>;

export const deviceImportLineSchema = z.object({
  /** The line of the file, counting the header as line 1. */
  line: z.number().int(),
  /** The serial as the file gives it (empty when missing), so a wrong line can be found. */
  serial: z.string(),
  status: z.enum(['ok', 'error']),
  errors: z.array(deviceImportErrorSchema),
  device: deviceImportCandidateSchema.nullable(),
});
export type DeviceImportLine = z.infer<typeof deviceImportLineSchema>;

export const deviceImportResultSchema = z.object({
  mode: z.enum(DEVICE_IMPORT_MODES),
  /** Devices written: 0 in preview, and whenever any line has an error. */
  created: z.number().int().nonnegative(),
  lines: z.array(deviceImportLineSchema),
});
export type DeviceImportResult = z.infer<typeof deviceImportResultSchema>;

/** The 400 a commit answers when any line is wrong: nothing was written. */
export const deviceImportRefusedSchema = z.object({
  code: z.literal('bad_request'),
  key: z.literal('device_import.lines_wrong'),
  params: z.object({ lines: z.number().int() }),
  message: z.string(),
  lines: z.array(deviceImportLineSchema),
});
