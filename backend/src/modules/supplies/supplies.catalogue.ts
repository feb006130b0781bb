import { and, eq, sql } from 'drizzle-orm';
import { supplyIdentity } from '@parc/shared/supplies/identity';
import { supplyColourOf, supplyKindOf, type SupplyColour, type SupplyKind } from '@parc/shared/supplies/kinds';
import type { Supply } from '@parc/shared/agents/reading';
import type { Db } from '../../db/client.ts';
import { supplyModels } from '../../db/schema/index.ts';

/** What the catalogue knows of a supply a device reports. */
export interface CatalogueEntry {
  supplyModelId: string;
  partNumber: string | null;
  serial: string | null;
  kind: SupplyKind | null;
  colour: SupplyColour;
}

/**
 * The catalogue key of a supply: its part number when the printer gives one (the same cartridge in
 * every printer that takes it), else the printer model and the supply's name (a "Black Toner
 * Cartridge" of a Brother is not a Kyocera's).
 */
export function catalogueKey(device: { manufacturer: string; model: string }, description: string, partNumber: string | null): string {
  if (partNumber) return `pn:${partNumber.toUpperCase()}`;
  return `model:${device.manufacturer} ${device.model} · ${description}`.toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The catalogue entries of a sample's supplies, adding the models the fleet reports for the first
 * time (one statement whatever their number). The dealer's own data on an entry (kind, reference,
 * price, yield) is never overwritten by what a printer says.
 */
export async function catalogueEntries(
  tx: Db,
  device: { partnerId: string; manufacturer: string; model: string },
  supplies: readonly Pick<Supply, 'index' | 'description' | 'type' | 'colour'>[],
  now: Date,
): Promise<Map<string, CatalogueEntry>> {
  if (supplies.length === 0) return new Map();
  const read = supplies.map((supply) => {
    const identity = supplyIdentity(supply.description);
    return { supply, ...identity, kind: supplyKindOf(supply.type, supply.description), colour: supplyColourOf(supply.colour), key: catalogueKey(device, supply.description, identity.partNumber) };
  });
  const unique = [...new Map(read.map((entry) => [entry.key, entry])).values()];
  const rows = await tx
    .insert(supplyModels)
    .values(unique.map((entry) => ({ partnerId: device.partnerId, key: entry.key, name: entry.supply.description, partNumber: entry.partNumber, kind: entry.kind, colour: entry.colour, createdAt: now })))
    // A no-op update so every row comes back, new or known.
    .onConflictDoUpdate({ target: [supplyModels.partnerId, supplyModels.key], set: { key: sql`excluded.key` } })
    .returning({ id: supplyModels.id, key: supplyModels.key, kind: supplyModels.kind });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return new Map(
    read.map((entry) => {
      const model = byKey.get(entry.key)!;
      // The dealer may have said what kind a supply is where the printer did not.
      return [entry.supply.index, { supplyModelId: model.id, partNumber: entry.partNumber, serial: entry.serial, kind: model.kind ?? entry.kind, colour: entry.colour }];
    }),
  );
}

/** The rated yields of catalogue entries (null when the dealer gave none). */
export async function ratedYields(db: Db, partnerId: string, ids: readonly string[]): Promise<Map<string, number | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: supplyModels.id, ratedYield: supplyModels.ratedYield })
    .from(supplyModels)
    .where(and(eq(supplyModels.partnerId, partnerId), sql`${supplyModels.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`));
  return new Map(rows.map((row) => [row.id, row.ratedYield]));
}
