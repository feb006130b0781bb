/**
 * Who can fix an alert (the seed's "degré de complexité"): the printer's user (paper, toner, an open
 * door), a technician (a jam inside the fuser, worn parts), or an engineer (boards, firmware, disks).
 * Classification is data keyed by what the agent reports: prtAlertTable group and code names
 * (RFC 3805) and hrPrinterDetectedErrorState flags (RFC 2790), stored on alerts as group `status`.
 */
export const COMPLEXITIES = ['user', 'technician', 'engineer'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

/** Unknown conditions go to a technician: a person who can judge on site, rather than a user left alone. */
export const DEFAULT_COMPLEXITY: Complexity = 'technician';

/** `group:code` for one exact condition, `*:code` for a code in any group, `group:*` for a whole group. */
export const COMPLEXITY_RULES: Readonly<Record<string, Complexity>> = {
  // hrPrinterDetectedErrorState flags.
  'status:lowPaper': 'user',
  'status:noPaper': 'user',
  'status:lowToner': 'user',
  'status:noToner': 'user',
  'status:doorOpen': 'user',
  'status:jammed': 'user',
  'status:offline': 'user',
  'status:inputTrayMissing': 'user',
  'status:outputTrayMissing': 'user',
  'status:markerSupplyMissing': 'user',
  'status:outputNearFull': 'user',
  'status:outputFull': 'user',
  'status:inputTrayEmpty': 'user',
  'status:serviceRequested': 'technician',
  'status:overduePreventMaint': 'technician',
  // prtAlertTable: a jam in the fuser or the marker is inside the machine; in trays and paths the user clears it.
  'marker:jam': 'technician',
  'mediaPath:jam': 'user',
  'input:jam': 'user',
  'output:jam': 'user',
  'finDevice:jam': 'user',
  '*:jam': 'technician',
  '*:coverOpen': 'user',
  '*:interlockOpen': 'user',
  '*:doorOpen': 'user',
  '*:subunitEmpty': 'user',
  '*:subunitAlmostEmpty': 'user',
  '*:subunitFull': 'user',
  '*:subunitAlmostFull': 'user',
  '*:subunitPowerSaver': 'user',
  '*:subunitWarmingUp': 'user',
  '*:printerReadyToPrint': 'user',
  '*:inputMediaTrayMissing': 'user',
  '*:inputMediaSupplyLow': 'user',
  '*:inputMediaSupplyEmpty': 'user',
  '*:outputMediaTrayMissing': 'user',
  '*:outputMediaTrayAlmostFull': 'user',
  '*:outputMediaTrayFull': 'user',
  '*:mediaPathMediaTrayMissing': 'user',
  '*:markerTonerEmpty': 'user',
  '*:markerTonerAlmostEmpty': 'user',
  '*:markerInkEmpty': 'user',
  '*:markerInkAlmostEmpty': 'user',
  '*:markerTonerCartridgeMissing': 'user',
  '*:markerWasteTonerReceptacleAlmostFull': 'user',
  '*:markerWasteTonerReceptacleFull': 'user',
  '*:markerWasteInkReceptacleAlmostFull': 'user',
  '*:markerWasteInkReceptacleFull': 'user',
  'input:subunitMissing': 'user',
  'output:subunitMissing': 'user',
  '*:subunitMissing': 'technician',
  '*:subunitLifeAlmostOver': 'technician',
  '*:subunitLifeOver': 'technician',
  '*:markerOpcLifeAlmostOver': 'technician',
  '*:markerOpcLifeOver': 'technician',
  '*:markerDeveloperAlmostEmpty': 'technician',
  '*:markerDeveloperEmpty': 'technician',
  '*:subunitOffline': 'technician',
  '*:subunitUnrecoverableFailure': 'engineer',
  // Disks, memory, boards, network interfaces and firmware interpreters.
  'hostResourcesStorage:*': 'engineer',
  'hostResourcesDevice:*': 'engineer',
  'channel:*': 'engineer',
  'interpreter:*': 'engineer',
};

/** Most specific rule first: exact condition, then the code in any group, then the group; else the default. */
export function classifyAlert(alert: { group: string; code: string }, rules: Readonly<Record<string, Complexity>> = COMPLEXITY_RULES): Complexity {
  return rules[`${alert.group}:${alert.code}`] ?? rules[`*:${alert.code}`] ?? rules[`${alert.group}:*`] ?? DEFAULT_COMPLEXITY;
}
