import type { RecipeSet } from '@parc/shared/agents/recipes';
import type { PrinterReading, ReadingWarning } from '@parc/shared/agents/reading';
import type { Varbind } from '../walk/varbind.ts';
import { resolveKinds, readRawCounters } from './counters.ts';
import { readIdentity } from './identity.ts';
import { BUILTIN_RECIPES, detectVendor, SYS_DESCR, SYS_OBJECT_ID, withStandard } from './recipes.ts';
import { readAlerts, readStatus } from './status.ts';
import { readSupplies } from './supplies.ts';
import { VarbindIndex } from './varbind-index.ts';

const PRINTER_MIB = '1.3.6.1.2.1.43';
const HR_DEVICE_TYPE_PRINTER = '1.3.6.1.2.1.25.3.1.5';

/** Varbinds → reading. Pure: the same varbinds and recipes always give the same reading. */
export function parseReading(varbinds: readonly Varbind[], recipes: RecipeSet = BUILTIN_RECIPES): PrinterReading {
  const index = new VarbindIndex(varbinds);
  const vendor = detectVendor(index, recipes);
  const profile = withStandard(vendor, recipes.standard);
  const warnings: ReadingWarning[] = [];
  if (!vendor)
    warnings.push({ code: 'unknown_vendor', message: 'no vendor recipe matches: standard Printer-MIB only', values: {} });
  if (!vendor && !looksLikePrinter(index))
    warnings.push({ code: 'not_a_printer', message: 'no Printer-MIB data and no hrDevice of type printer', values: {} });

  const raw = readRawCounters(index, profile);
  const { kinds, warnings: counterWarnings } = resolveKinds(raw, profile);
  if (kinds.total === null && counterWarnings.length === 0)
    warnings.push({ code: 'counter_missing', message: 'no page counter found', values: {} });

  return {
    vendor: profile.id,
    ...readIdentity(index, profile, vendor !== undefined),
    sysObjectId: index.text(SYS_OBJECT_ID) ?? null,
    sysDescr: index.text(SYS_DESCR) ?? null,
    counters: { ...raw, ...kinds },
    supplies: readSupplies(index, profile),
    status: readStatus(index),
    alerts: readAlerts(index),
    warnings: [...warnings, ...counterWarnings],
  };
}

export function looksLikePrinter(index: VarbindIndex): boolean {
  if (index.countUnder(PRINTER_MIB) > 0) return true;
  return index.column('1.3.6.1.2.1.25.3.2.1.2').some(({ varbind }) => varbind.type === 'oid' && varbind.value === HR_DEVICE_TYPE_PRINTER);
}
