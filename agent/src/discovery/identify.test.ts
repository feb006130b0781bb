import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReading } from '../readings/read.ts';
import { compareOidSuffix } from '../readings/varbind-index.ts';
import { liveAgentWalks, WALKS_DIR } from '../test/snmpsim.ts';
import { parseWalk, type Varbind } from '../walk/index.ts';
import { identifyFromVarbinds, identityPlan, PROBE_OIDS } from './identify.ts';

const under = (oid: string, prefix: string) => oid === prefix || oid.startsWith(`${prefix}.`);

/** What a live agent serving this walk would answer to the probe and then to the identity plan. */
function answersTo(walk: readonly Varbind[]): Varbind[] {
  const sorted = [...walk].sort((a, b) => compareOidSuffix(a.oid, b.oid));
  const probe = sorted.filter((varbind) => PROBE_OIDS.includes(varbind.oid));
  const plan = identityPlan(probe);
  const next = plan.next.flatMap((oid) => sorted.find((varbind) => compareOidSuffix(varbind.oid, oid) > 0 && !under(oid, varbind.oid)) ?? []);
  return [
    ...probe,
    ...sorted.filter((varbind) => plan.get.includes(varbind.oid)),
    ...next,
    ...sorted.filter((varbind) => plan.walk.some((prefix) => under(varbind.oid, prefix))),
  ];
}

const walks = liveAgentWalks(filesIn('detection_only'));

function filesIn(folder: string): string[] {
  return existsSync(path.join(WALKS_DIR, folder)) ? readdirSync(path.join(WALKS_DIR, folder)).map((file) => `${folder}/${file}`) : [];
}

describe('identification without a full read', () => {
  it.each(walks)('%s: same identity as the full read', (file) => {
    const walk = parseWalk(readFileSync(path.join(WALKS_DIR, file), 'utf8')).varbinds;
    const full = parseReading(walk);
    const identity = identifyFromVarbinds(answersTo(walk));
    expect(identity).toMatchObject({ isPrinter: true, vendor: full.vendor, manufacturer: full.manufacturer, model: full.model, serial: full.serial, mac: full.mac, firmware: full.firmware });
  });

  it('a host without Printer-MIB, printer hrDevice or printer recipe is not a printer', () => {
    const router = parseWalk('1.3.6.1.2.1.1.1.0|4|Linux edge-router 6.1\n1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10\n1.3.6.1.2.1.25.3.2.1.2.1|6|1.3.6.1.2.1.25.3.1.3\n').varbinds;
    expect(identifyFromVarbinds(router).isPrinter).toBe(false);
  });
});
