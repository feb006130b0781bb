import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Language, MeterEntryPage } from '@parc/shared';
import { periodName, renderReceipt } from './links.receipt.ts';

const page: MeterEntryPage = {
  customerNumber: '999999',
  language: 'fr',
  dealer: { name: 'Devillard Bureautique', phone: null, email: null, website: null, logoUrl: null, brandColour: null },
  period: '2026-11',
  expiresAt: '2026-12-04T23:00:00.000Z',
  lastValidDay: '2026-12-04',
  timeZone: 'Europe/Zurich',
  machines: [
    {
      deviceId: '6e0a3c1e-8f43-4c1b-9c55-1a2b3c4d5e6f',
      deviceCode: 'DF-1',
      manufacturer: 'Ricoh',
      model: 'MP C2051',
      internalNumber: '0002',
      location: 'REZ - COMPTABILITÉ',
      requestedLocation: null,
      serial: 'V9713800086',
      counters: [
        { counter: 'mono', last: { value: 344_805, takenAt: '2026-10-20T09:00:00.000Z' }, entry: { state: 'entered', value: 346_900, enteredAt: '2026-11-24T09:00:00.000Z' } },
        { counter: 'colour', last: { value: 27_827, takenAt: '2026-10-20T09:00:00.000Z' }, entry: { state: 'settled', value: 28_100, enteredAt: '2026-11-24T09:00:00.000Z' } },
      ],
    },
  ],
};

async function receiptText(language: Language): Promise<string> {
  const pdf = await renderReceipt({ dealerName: page.dealer.name, page, language });
  const folder = mkdtempSync(join(tmpdir(), 'parc-receipt-'));
  try {
    writeFileSync(join(folder, 'receipt.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(folder, 'receipt.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('periodName', () => {
  it.each<[Language, string]>([
    ['fr', 'novembre 2026'],
    ['de', 'November 2026'],
    ['it', 'novembre 2026'],
    ['en', 'November 2026'],
  ])('%s', (language, name) => {
    expect(periodName('2026-11', language)).toBe(name);
  });
});

describe('the receipt in the language the page is read in', () => {
  it.each<[Language, RegExp[]]>([
    ['fr', [/Relevé des compteurs/, /N° du client\s:\s999999/u, /Période\s:\snovembre 2026/u, /Saisie effectuée/, /Validé par le fournisseur/]],
    ['de', [/Zählerstände/, /Kundennummer: 999999/, /Periode: November 2026/, /SN: V9713800086/, /Erfasst/, /Vom Händler bestätigt/]],
    ['it', [/Rilevamento dei contatori/, /N\. cliente: 999999/, /Periodo: novembre 2026/, /Inserito/]],
    ['en', [/Meter readings/, /Customer no\.: 999999/, /Period: November 2026/, /S\/N: V9713800086/, /Confirmed by your dealer/]],
  ])('%s: its words, its punctuation, the period written out', async (language, expected) => {
    const text = await receiptText(language);
    for (const pattern of expected) expect(text).toMatch(pattern);
    expect(text).toContain('346900');
    expect(text).toContain('Devillard Bureautique');
    expect(text).not.toContain('2026-11');
    if (language !== 'fr') expect(text).not.toMatch(/\s:/u);
  });
});
