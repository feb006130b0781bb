import { parseSnmprec } from './snmprec.ts';
import { parseSnmpwalkText } from './snmpwalk-text.ts';
import type { WalkParse } from './snmprec.ts';

export { parseSnmprec, WalkSyntaxError, type WalkParse } from './snmprec.ts';
export { parseSnmpwalkText } from './snmpwalk-text.ts';
export type { Varbind, VarbindType } from './varbind.ts';

/** Detects the format from the first meaningful line: snmprec has `|`, snmpwalk text has ` = `. */
export function parseWalk(text: string): WalkParse {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '' && !line.startsWith('#')) ?? '';
  return /^\s*\.?[0-9][0-9.]*\s*=/.test(first) ? parseSnmpwalkText(text) : parseSnmprec(text);
}
