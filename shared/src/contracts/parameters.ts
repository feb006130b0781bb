import { z } from 'zod';
import { instantSchema, requiredText } from './paging.ts';

/** Custom parameters: a partner's own fields on customers or devices (text, a list of choices, or an SNMP OID read by the agent). */
export const PARAMETER_KINDS = ['text', 'list', 'oid'] as const;
export type ParameterKind = (typeof PARAMETER_KINDS)[number];
export const PARAMETER_TARGETS = ['customer', 'device'] as const;
export type ParameterTarget = (typeof PARAMETER_TARGETS)[number];

/** A numeric OID such as 1.3.6.1.2.1.43.5.1.1.17.1: at least two arcs, no leading dot, no leading zeros. */
const OID_PATTERN = /^(0|1|2)(\.(0|[1-9][0-9]*)){1,127}$/;

export function isValidOid(text: string): boolean {
  return OID_PATTERN.test(text.trim().replace(/^\./, ''));
}

const oidSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/^\./, ''))
  .refine(isValidOid, 'Use a numeric OID such as 1.3.6.1.2.1.1.5.0');

const optionsSchema = z.array(requiredText(100)).max(100);

export const parameterSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PARAMETER_KINDS),
  appliesTo: z.enum(PARAMETER_TARGETS),
  /** The choices of a list parameter; empty for the other kinds. */
  options: z.array(z.string()),
  /** The OID an agent reads for an oid parameter; null for the other kinds. */
  oid: z.string().nullable(),
  createdAt: instantSchema,
});
export type Parameter = z.infer<typeof parameterSchema>;

export const parameterCreateSchema = z
  .strictObject({
    name: requiredText(100),
    kind: z.enum(PARAMETER_KINDS),
    appliesTo: z.enum(PARAMETER_TARGETS),
    options: optionsSchema.optional(),
    oid: oidSchema.optional(),
  })
  .superRefine((value, context) => {
    if (value.kind === 'list' && !value.options?.length) context.addIssue({ code: 'custom', path: ['options'], message: 'A list needs at least one choice' });
    if (value.kind !== 'list' && value.options?.length) context.addIssue({ code: 'custom', path: ['options'], message: 'Only a list has choices' });
    if (value.kind === 'oid' && !value.oid) context.addIssue({ code: 'custom', path: ['oid'], message: 'An OID parameter needs its OID' });
    if (value.kind !== 'oid' && value.oid) context.addIssue({ code: 'custom', path: ['oid'], message: 'Only an OID parameter has an OID' });
  });
export type ParameterCreate = z.infer<typeof parameterCreateSchema>;

/** The kind and target are fixed once values may exist; the name, choices and OID can change. */
export const parameterUpdateSchema = z.strictObject({ name: requiredText(100).optional(), options: optionsSchema.optional(), oid: oidSchema.optional() });
export type ParameterUpdate = z.infer<typeof parameterUpdateSchema>;

export const parameterListQuerySchema = z.object({ appliesTo: z.enum(PARAMETER_TARGETS).optional() });
export const parameterListSchema = z.object({ items: z.array(parameterSchema) });

/** One parameter with its value on one customer or device; null when not set (OID values come from the agent). */
export const parameterValueSchema = z.object({ parameter: parameterSchema, value: z.string().nullable() });
export type ParameterValue = z.infer<typeof parameterValueSchema>;
export const parameterValueListSchema = z.object({ items: z.array(parameterValueSchema) });

/** Sets several values at once; null or empty clears one. */
export const parameterValuesUpdateSchema = z.strictObject({
  values: z.array(z.strictObject({ parameterId: z.uuid(), value: z.string().trim().max(500).nullable() })).min(1).max(100),
});
export type ParameterValuesUpdate = z.infer<typeof parameterValuesUpdateSchema>;

export const PARAMETER_ENTITY_PATHS = { customer: 'customers', device: 'devices' } as const satisfies Record<ParameterTarget, string>;
