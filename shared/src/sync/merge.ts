/**
 * Field-level merge of a change made against an older version of a record. The server keeps, per
 * field, the version that last changed it and who changed it; a change conflicts only on fields
 * somebody else changed since the change's base version, and only when the values now differ.
 * Other fields merge: a technician's note and a partner's reassignment never collide.
 */
export interface FieldStamp {
  version: number;
  /** Who made the change: `client:<id>` for an app installation, `user:<id>` for the console. */
  by: string;
}

export interface VersionedRecord<F extends Record<string, unknown>> {
  version: number;
  fields: F;
  stamps: Partial<Record<keyof F & string, FieldStamp>>;
}

export interface FieldChange<F extends Record<string, unknown>> {
  baseVersion: number;
  by: string;
  changes: Partial<F>;
}

export type MergeResult<F extends Record<string, unknown>> =
  | { status: 'applied'; record: VersionedRecord<F>; changed: (keyof F & string)[] }
  | { status: 'conflict'; fields: (keyof F & string)[] }
  | { status: 'rejected'; reason: string };

/** Structural equality of JSON-like values (field values are primitives, arrays and plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export function mergeChange<F extends Record<string, unknown>>(record: VersionedRecord<F>, change: FieldChange<F>): MergeResult<F> {
  if (!Number.isInteger(change.baseVersion) || change.baseVersion < 1 || change.baseVersion > record.version) {
    return { status: 'rejected', reason: `Base version ${change.baseVersion} is not a version of this record (now ${record.version}).` };
  }
  const touched = (Object.keys(change.changes) as (keyof F & string)[]).filter((field) => change.changes[field] !== undefined);
  const conflicts = touched.filter((field) => {
    const stamp = record.stamps[field];
    return stamp !== undefined && stamp.version > change.baseVersion && stamp.by !== change.by && !sameValue(record.fields[field], change.changes[field]);
  });
  if (conflicts.length > 0) return { status: 'conflict', fields: conflicts };
  const changed = touched.filter((field) => !sameValue(record.fields[field], change.changes[field]));
  if (changed.length === 0) return { status: 'applied', record, changed };
  const version = record.version + 1;
  const fields = { ...record.fields };
  const stamps = { ...record.stamps };
  for (const field of changed) {
    fields[field] = change.changes[field] as F[typeof field];
    stamps[field] = { version, by: change.by };
  }
  return { status: 'applied', record: { version, fields, stamps }, changed };
}

/** A change made on the server's current state (the console without a base version): never conflicts. */
export function changeNow<F extends Record<string, unknown>>(record: VersionedRecord<F>, by: string, changes: Partial<F>) {
  return mergeChange(record, { baseVersion: record.version, by, changes });
}
