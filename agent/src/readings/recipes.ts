import { DomainError } from '@parc/shared';
import { RecipeSetSchema, type RecipeSet, type VendorProfile } from '@parc/shared/agents/recipes';
import builtinRecipesJson from './builtin-recipes.json' with { type: 'json' };
import type { VarbindIndex } from './varbind-index.ts';

export const SYS_DESCR = '1.3.6.1.2.1.1.1.0';
export const SYS_OBJECT_ID = '1.3.6.1.2.1.1.2.0';
const ENTERPRISES = '1.3.6.1.4.1.';

/** Validates a recipe set (the built-in one, or one loaded from a JSON file the backend shipped). */
export function parseRecipeSet(input: unknown): RecipeSet {
  const parsed = RecipeSetSchema.safeParse(input);
  if (!parsed.success)
    throw new DomainError('bad_request', `invalid recipe set: ${parsed.error.issues[0]?.message ?? 'unknown error'}`, {
      field: parsed.error.issues[0]?.path.join('.'),
    });
  return parsed.data;
}

export const BUILTIN_RECIPES: RecipeSet = parseRecipeSet(builtinRecipesJson);

export function enterpriseOf(sysObjectId: string | undefined): number | undefined {
  if (!sysObjectId?.startsWith(ENTERPRISES)) return undefined;
  return Number(sysObjectId.slice(ENTERPRISES.length).split('.')[0]);
}

/**
 * Picks the vendor profile: sysDescr first (rebadged engines keep their maker's sysObjectID: a
 * Toshiba built by Lexmark answers with Lexmark's), then the sysObjectID enterprise, then, when
 * the device gave neither, the profile whose vendor subtree holds the most varbinds.
 */
export function detectVendor(index: VarbindIndex, recipes: RecipeSet): VendorProfile | undefined {
  const sysDescr = index.text(SYS_DESCR);
  if (sysDescr) {
    const bySysDescr = recipes.vendors.find((vendor) => vendor.match.sysDescr && new RegExp(vendor.match.sysDescr, 'i').test(sysDescr));
    if (bySysDescr) return bySysDescr;
  }
  const enterprise = enterpriseOf(index.text(SYS_OBJECT_ID));
  if (enterprise !== undefined) {
    const byEnterprise = recipes.vendors.find((vendor) => vendor.match.enterprises.includes(enterprise));
    if (byEnterprise) return byEnterprise;
  }
  let best: { vendor: VendorProfile; count: number } | undefined;
  for (const vendor of recipes.vendors) {
    const count = vendor.subtrees.reduce((sum, subtree) => sum + index.countUnder(subtree), 0);
    if (count > 0 && (!best || count > best.count)) best = { vendor, count };
  }
  return best?.vendor;
}

/** The vendor's rules first, then the standard ones (vendor identity OIDs win, prtMarkerLifeCount is the last resort). */
export function withStandard(vendor: VendorProfile | undefined, standard: VendorProfile): VendorProfile {
  if (!vendor) return standard;
  const kinds: VendorProfile['kinds'] = { ...vendor.kinds };
  for (const [kind, names] of Object.entries(standard.kinds) as Array<[keyof VendorProfile['kinds'], string[]]>)
    kinds[kind] = [...(vendor.kinds[kind] ?? []), ...names];
  return {
    ...vendor,
    subtrees: [...standard.subtrees, ...vendor.subtrees],
    model: [...vendor.model, ...standard.model],
    serial: [...vendor.serial, ...standard.serial],
    firmware: [...vendor.firmware, ...standard.firmware],
    modelPrefixes: [...vendor.modelPrefixes, ...standard.modelPrefixes],
    counters: [...standard.counters, ...vendor.counters],
    sums: [...standard.sums, ...vendor.sums],
    kinds,
    packedSupplies: [...standard.packedSupplies, ...vendor.packedSupplies],
    supplyRules: [...vendor.supplyRules, ...standard.supplyRules],
    webPageTotal: vendor.webPageTotal ?? standard.webPageTotal,
  };
}
