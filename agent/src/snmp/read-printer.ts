import type { RecipeSet } from '@parc/shared/agents/recipes';
import type { PrinterReading } from '@parc/shared/agents/reading';
import { parseReading } from '../readings/read.ts';
import { BUILTIN_RECIPES, detectVendor, SYS_DESCR, SYS_OBJECT_ID } from '../readings/recipes.ts';
import { VarbindIndex } from '../readings/varbind-index.ts';
import type { Varbind } from '../walk/varbind.ts';
import { get, openSession, SnmpFailure, walkSubtree, type Credentials, type Target } from './session.ts';

/** Standard subtrees every read walks: system, interfaces' MACs, hrDevice and hrPrinter, the Printer-MIB. */
export const STANDARD_SUBTREES = ['1.3.6.1.2.1.1', '1.3.6.1.2.1.2.2.1.6', '1.3.6.1.2.1.25.3', '1.3.6.1.2.1.43'];

/**
 * Reads one printer over SNMP: identifies it (sysDescr, sysObjectID), walks the standard subtrees
 * and the vendor's, then hands the varbinds to the pure parser. Throws SnmpFailure with a reason.
 */
export async function readPrinter(target: Target, credentials: Credentials, recipes: RecipeSet = BUILTIN_RECIPES): Promise<PrinterReading> {
  const session = openSession(target, credentials);
  session.on('error', () => undefined); // socket errors surface through the request callbacks
  try {
    const identity = await get(session, [SYS_DESCR, SYS_OBJECT_ID], credentials);
    if (identity.length === 0) throw new SnmpFailure('snmp_error', 'the device answers but has no sysDescr/sysObjectID');
    const vendor = detectVendor(new VarbindIndex(identity), recipes);
    const subtrees = [...STANDARD_SUBTREES, ...recipes.standard.subtrees, ...(vendor?.subtrees ?? [])];
    const varbinds: Varbind[] = [];
    for (const subtree of subtrees) varbinds.push(...(await walkSubtree(session, subtree, credentials)));
    const reading = parseReading(varbinds, recipes);
    if (reading.warnings.some((warning) => warning.code === 'not_a_printer'))
      throw new SnmpFailure('unknown_model', `not a printer Parc knows: ${reading.sysDescr ?? 'no sysDescr'}`);
    return reading;
  } finally {
    session.close();
  }
}
