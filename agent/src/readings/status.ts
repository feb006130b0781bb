import type { Alert } from '@parc/shared/agents/reading';
import type { VarbindIndex } from './varbind-index.ts';

const HR_PRINTER_STATUS = '1.3.6.1.2.1.25.3.5.1.1.1';
const HR_PRINTER_ERROR_STATE = '1.3.6.1.2.1.25.3.5.1.2.1';
const ALERT_TABLE = '1.3.6.1.2.1.43.18.1.1';

const PRINTER_STATUS: Record<number, string> = { 1: 'other', 2: 'unknown', 3: 'idle', 4: 'printing', 5: 'warmup' };

/** hrPrinterDetectedErrorState bits, most significant bit of the first octet first (RFC 2790). */
const ERROR_BITS = [
  'lowPaper', 'noPaper', 'lowToner', 'noToner', 'doorOpen', 'jammed', 'offline', 'serviceRequested',
  'inputTrayMissing', 'outputTrayMissing', 'markerSupplyMissing', 'outputNearFull', 'outputFull', 'inputTrayEmpty', 'overduePreventMaint',
];

const ALERT_SEVERITY: Record<number, Alert['severity']> = { 3: 'critical', 4: 'warning', 5: 'warning' };

const ALERT_GROUPS: Record<number, string> = {
  1: 'other', 3: 'hostResourcesStorage', 4: 'hostResourcesDevice', 5: 'generalPrinter', 6: 'cover', 7: 'localization',
  8: 'input', 9: 'output', 10: 'marker', 11: 'markerSupplies', 12: 'markerColorant', 13: 'mediaPath', 14: 'channel',
  15: 'interpreter', 16: 'consoleDisplayBuffer', 17: 'consoleLights', 18: 'alert', 30: 'finDevice', 31: 'finSupply',
};

/** The prtAlertCodeTC values a dealer acts on; others are reported by number. */
const ALERT_CODES: Record<number, string> = {
  1: 'other', 2: 'unknown', 3: 'coverOpen', 5: 'interlockOpen', 8: 'jam', 9: 'subunitMissing', 10: 'subunitLifeAlmostOver',
  11: 'subunitLifeOver', 12: 'subunitAlmostEmpty', 13: 'subunitEmpty', 14: 'subunitAlmostFull', 15: 'subunitFull',
  22: 'subunitOffline', 23: 'subunitPowerSaver', 24: 'subunitWarmingUp', 30: 'subunitUnrecoverableFailure', 501: 'doorOpen',
  507: 'printerReadyToPrint', 801: 'inputMediaTrayMissing', 807: 'inputMediaSupplyLow', 808: 'inputMediaSupplyEmpty',
  901: 'outputMediaTrayMissing', 902: 'outputMediaTrayAlmostFull', 903: 'outputMediaTrayFull', 1101: 'markerTonerEmpty',
  1102: 'markerInkEmpty', 1104: 'markerTonerAlmostEmpty', 1105: 'markerInkAlmostEmpty', 1107: 'markerWasteTonerReceptacleAlmostFull',
  1108: 'markerWasteInkReceptacleAlmostFull', 1109: 'markerWasteTonerReceptacleFull', 1110: 'markerWasteInkReceptacleFull',
  1111: 'markerOpcLifeAlmostOver', 1112: 'markerOpcLifeOver', 1113: 'markerDeveloperAlmostEmpty', 1114: 'markerDeveloperEmpty',
  1115: 'markerTonerCartridgeMissing', 1301: 'mediaPathMediaTrayMissing',
};

export function readStatus(index: VarbindIndex): { printer: string | null; errors: string[] } {
  const status = index.number(HR_PRINTER_STATUS);
  const errorState = index.get(HR_PRINTER_ERROR_STATE);
  const errors: string[] = [];
  if (errorState?.type === 'octets')
    ERROR_BITS.forEach((name, bit) => {
      const byte = errorState.value[Math.floor(bit / 8)] ?? 0;
      if (byte & (0x80 >> bit % 8)) errors.push(name);
    });
  return { printer: status === undefined ? null : (PRINTER_STATUS[status] ?? 'other'), errors };
}

export function readAlerts(index: VarbindIndex): Alert[] {
  const suffixes = new Set([...index.column(`${ALERT_TABLE}.7`), ...index.column(`${ALERT_TABLE}.8`)].map((row) => row.suffix));
  return [...suffixes].map((suffix) => {
    const severity = index.number(`${ALERT_TABLE}.2.${suffix}`);
    const group = index.number(`${ALERT_TABLE}.4.${suffix}`);
    const code = index.number(`${ALERT_TABLE}.7.${suffix}`);
    return {
      severity: (severity !== undefined && ALERT_SEVERITY[severity]) || 'other',
      group: group === undefined ? 'unknown' : (ALERT_GROUPS[group] ?? `group ${group}`),
      code: code === undefined ? 'unknown' : (ALERT_CODES[code] ?? `code ${code}`),
      description: index.text(`${ALERT_TABLE}.8.${suffix}`)?.trim() ?? '',
    };
  });
}
