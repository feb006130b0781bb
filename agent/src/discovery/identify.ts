import type { RecipeSet } from '@parc/shared/agents/recipes';
import { readIdentity } from '../readings/identity.ts';
import { looksLikePrinter } from '../readings/read.ts';
import { BUILTIN_RECIPES, detectVendor, SYS_DESCR, SYS_OBJECT_ID, withStandard } from '../readings/recipes.ts';
import { VarbindIndex } from '../readings/varbind-index.ts';
import type { Varbind } from '../walk/varbind.ts';

/** The first request to every host: cheap, and enough to pick the vendor recipe. */
export const PROBE_OIDS = [SYS_DESCR, SYS_OBJECT_ID];
export const PRINTER_MIB = '1.3.6.1.2.1.43';
const IF_PHYS_ADDRESS = '1.3.6.1.2.1.2.2.1.6';
const HR_DEVICE_TYPE = '1.3.6.1.2.1.25.3.2.1.2';

/** What to ask a host that answered the probe, so that it can be identified without a full read. */
export type IdentityPlan = { get: string[]; next: string[]; walk: string[] };

export function identityPlan(probe: readonly Varbind[], recipes: RecipeSet = BUILTIN_RECIPES): IdentityPlan {
  const profile = withStandard(detectVendor(new VarbindIndex(probe), recipes), recipes.standard);
  const sources = [...profile.model, ...profile.serial, ...profile.firmware];
  return { get: [...new Set(sources.map((source) => source.oid))], next: [PRINTER_MIB], walk: [IF_PHYS_ADDRESS, HR_DEVICE_TYPE] };
}

export type HostIdentity = {
  isPrinter: boolean;
  vendor: string;
  manufacturer: string | null;
  model: string | null;
  serial: string | null;
  mac: string | null;
  firmware: string | null;
  sysDescr: string | null;
};

/**
 * A printer is a host with Printer-MIB data, an hrDevice of type printer, or a sysDescr/sysObjectID
 * a printer recipe claims. Pure: the same varbinds give the same answer as a full read would.
 */
export function identifyFromVarbinds(varbinds: readonly Varbind[], recipes: RecipeSet = BUILTIN_RECIPES): HostIdentity {
  const index = new VarbindIndex(varbinds);
  const vendor = detectVendor(index, recipes);
  const profile = withStandard(vendor, recipes.standard);
  return {
    isPrinter: looksLikePrinter(index) || vendor !== undefined,
    vendor: profile.id,
    ...readIdentity(index, profile, vendor !== undefined),
    sysDescr: index.text(SYS_DESCR) ?? null,
  };
}
