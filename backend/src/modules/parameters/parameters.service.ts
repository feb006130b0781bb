import { and, asc, eq, inArray } from 'drizzle-orm';
import { DomainError } from '@parc/shared';
import type { Parameter, ParameterCreate, ParameterTarget, ParameterUpdate, ParameterValue, ParameterValuesUpdate } from '@parc/shared/contracts/parameters';
import type { Db } from '../../db/client.ts';
import { customParameters, customParameterValues } from '../../db/schema/index.ts';
import type { SessionUser } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { toIso } from '../customers/scope.ts';
import { getDevice } from '../devices/devices.service.ts';

type ParameterRow = typeof customParameters.$inferSelect;

function toParameter({ partnerId: _partner, ...row }: ParameterRow): Parameter {
  return { ...row, createdAt: toIso(row.createdAt) };
}

const notFound = () => new DomainError('parameter.not_found');

async function findParameter(db: Db, user: SessionUser, id: string): Promise<ParameterRow> {
  const [row] = await db.select().from(customParameters).where(and(eq(customParameters.partnerId, user.partnerId), eq(customParameters.id, id)));
  if (!row) throw notFound();
  return row;
}

export async function listParameters(db: Db, user: SessionUser, appliesTo?: ParameterTarget): Promise<{ items: Parameter[] }> {
  const rows = await db
    .select()
    .from(customParameters)
    .where(and(eq(customParameters.partnerId, user.partnerId), appliesTo ? eq(customParameters.appliesTo, appliesTo) : undefined))
    .orderBy(asc(customParameters.appliesTo), asc(customParameters.name));
  return { items: rows.map(toParameter) };
}

export async function createParameter(db: Db, user: SessionUser, input: ParameterCreate): Promise<Parameter> {
  const [row] = await db
    .insert(customParameters)
    .values({ partnerId: user.partnerId, name: input.name, kind: input.kind, appliesTo: input.appliesTo, options: input.options ?? [], oid: input.oid ?? null })
    .returning();
  return toParameter(row!);
}

/** A list keeps its values only while they stay among the choices; a removed choice clears the values that used it. */
export async function changeParameter(db: Db, user: SessionUser, id: string, input: ParameterUpdate): Promise<Parameter> {
  const current = await findParameter(db, user, id);
  if (input.options && current.kind !== 'list') throw new DomainError('parameter.options_only_for_list', { field: 'options' });
  if (input.options && input.options.length === 0) throw new DomainError('parameter.list_needs_options', { field: 'options' });
  if (input.oid && current.kind !== 'oid') throw new DomainError('parameter.oid_only_for_oid', { field: 'oid' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(customParameters)
      .set({ name: input.name, options: input.options, oid: input.oid })
      .where(and(eq(customParameters.partnerId, user.partnerId), eq(customParameters.id, id)))
      .returning();
    if (input.options) {
      const removed = current.options.filter((option) => !input.options!.includes(option));
      if (removed.length) await tx.delete(customParameterValues).where(and(eq(customParameterValues.parameterId, id), inArray(customParameterValues.value, removed)));
    }
    return toParameter(row!);
  });
}

/** Deletes the parameter and every value it had. */
export async function deleteParameter(db: Db, user: SessionUser, id: string): Promise<void> {
  await findParameter(db, user, id);
  await db.delete(customParameters).where(and(eq(customParameters.partnerId, user.partnerId), eq(customParameters.id, id)));
}

/** Throws not_found unless the customer or device is visible to the user. */
async function assertEntityVisible(db: Db, user: SessionUser, target: ParameterTarget, entityId: string): Promise<void> {
  if (target === 'customer') await getCustomer(db, user, entityId);
  else await getDevice(db, user, entityId);
}

export async function listValues(db: Db, user: SessionUser, target: ParameterTarget, entityId: string): Promise<{ items: ParameterValue[] }> {
  await assertEntityVisible(db, user, target, entityId);
  const [parameters, values] = await Promise.all([
    listParameters(db, user, target),
    db.select().from(customParameterValues).where(and(eq(customParameterValues.partnerId, user.partnerId), eq(customParameterValues.entityId, entityId))),
  ]);
  const byParameter = new Map(values.map((value) => [value.parameterId, value.value]));
  return { items: parameters.items.map((parameter) => ({ parameter, value: byParameter.get(parameter.id) ?? null })) };
}

/** The value to store for `parameter`, or null to clear it; refuses what the parameter cannot hold. */
export function checkedValue(parameter: Pick<Parameter, 'name' | 'kind' | 'options'>, value: string | null): string | null {
  const text = value?.trim() || null;
  if (text === null) return null;
  if (parameter.kind === 'oid') throw new DomainError('parameter.read_by_agent', { name: parameter.name, field: 'values' });
  if (parameter.kind === 'list' && !parameter.options.includes(text)) {
    throw new DomainError('parameter.not_an_option', { name: parameter.name, options: parameter.options, field: 'values' });
  }
  return text;
}

export async function setValues(db: Db, user: SessionUser, target: ParameterTarget, entityId: string, input: ParameterValuesUpdate, now: Date): Promise<{ items: ParameterValue[] }> {
  await assertEntityVisible(db, user, target, entityId);
  const parameters = new Map((await listParameters(db, user, target)).items.map((parameter) => [parameter.id, parameter]));
  const changes = input.values.map(({ parameterId, value }) => {
    const parameter = parameters.get(parameterId);
    if (!parameter) throw new DomainError('parameter.unknown', { target, parameterId, field: 'values' });
    return { parameterId, value: checkedValue(parameter, value) };
  });
  await db.transaction(async (tx) => {
    for (const change of changes) {
      const key = and(eq(customParameterValues.parameterId, change.parameterId), eq(customParameterValues.entityId, entityId));
      if (change.value === null) await tx.delete(customParameterValues).where(key);
      else
        await tx
          .insert(customParameterValues)
          .values({ parameterId: change.parameterId, partnerId: user.partnerId, entityId, value: change.value, updatedAt: now })
          .onConflictDoUpdate({ target: [customParameterValues.parameterId, customParameterValues.entityId], set: { value: change.value, updatedAt: now } });
    }
  });
  return listValues(db, user, target, entityId);
}
