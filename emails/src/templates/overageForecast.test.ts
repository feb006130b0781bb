import { describe, expect, it } from 'vitest';
import type { Language } from '@parc/shared';
import { overageForecast, type OverageForecastProps } from './overageForecast.ts';

const props: OverageForecastProps = {
  branding: { name: 'Devillard', sender: { name: 'Devillard', email: 'sav@devillard.ch' }, contact: { email: 'sav@devillard.ch' } },
  customerNumber: '10452',
  periodStart: new Date('2026-10-31T23:00:00Z'),
  periodEnd: new Date('2026-11-30T23:00:00Z'),
  timeZone: 'Europe/Zurich',
  kinds: [
    { counter: 'colour', pagesSoFar: 8_420, projectedPages: 11_187, included: 10_000, projectedOverage: 1_187, crossingDay: '2026-11-28' },
    { counter: 'mono', pagesSoFar: 1_200, projectedPages: 1_565, included: 1_000, projectedOverage: 565, crossingDay: '2026-11-19' },
  ],
};
/** ICU versions differ in the spaces and apostrophes they group and join with. */
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ').replace(/(\d)\u2019(\d)/g, "$1'$2");

describe('overage forecast email', () => {
  it.each<[Language, string, string]>([
    ['en', '1 – 30 November', '- Colour pages: 8,420 so far of 10,000 included; about 11,200 by 30 November, that is about 1,200 above, from around 28 November.'],
    ['de', '1.–30. November', "- Farbseiten: bisher 8'420 von 10'000 inbegriffenen; bis zum 30. November etwa 11'200, also etwa 1'200 darüber, ungefähr ab dem 28. November."],
    ['fr', '1–30 novembre', '- Pages couleur : 8 420 jusqu’ici sur 10 000 incluses ; environ 11 200 d’ici au 30 novembre, soit environ 1 200 au-delà, dès le 28 novembre environ.'],
    ['it', '01–30 novembre', "- Pagine a colori: finora 8420 su 10'000 incluse; circa 11'200 entro il 30 novembre, cioè circa 1200 in più, a partire dal 28 novembre circa."],
  ])('in %s: the period, every kind beyond its included pages, rounded the reader’s way', (language, range, colourLine) => {
    const text = plain(overageForecast({ ...props, language }).text);
    expect(text).toContain(`(${range})`);
    expect(text).toContain(colourLine);
    expect(text).toContain('10452');
  });

  it('has a button only for a coordinator who signs in, and never an amount', () => {
    const without = overageForecast({ ...props, language: 'en' });
    expect(without.html).not.toContain('href="https://parc.example');
    const withView = overageForecast({ ...props, language: 'en', viewUrl: 'https://parc.example/coordinator' });
    expect(withView.text).toContain('See the forecast:\nhttps://parc.example/coordinator');
    expect(without.text).not.toMatch(/CHF|EUR|€/);
  });
});
