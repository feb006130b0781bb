import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '@parc/shared';
import { senderHeaders, type DealerBranding } from './branding.ts';
import { escapeHtml } from './html.ts';
import type { CommonProps, EmailTemplate } from './layout.ts';
import { contactConfirm } from './templates/contactConfirm.ts';
import { meterCampaign } from './templates/meterCampaign.ts';
import { meterReminder } from './templates/meterReminder.ts';
import { passwordReset } from './templates/passwordReset.ts';
import { userInvite } from './templates/userInvite.ts';
import { emailChangeConfirm } from './templates/emailChange.ts';
import { agentInstructions } from './templates/agentInstructions.ts';
import { overageForecast } from './templates/overageForecast.ts';
import { stockLow } from './templates/stockLow.ts';
import { reportDelivery } from './templates/reportDelivery.ts';
import { alertForwarded } from './templates/alertForwarded.ts';
import { supplyOrdered } from './templates/supplyOrdered.ts';

/** Every user-supplied value carries markup: none of it may come out as HTML. */
const HOSTILE = '<script>alert("x")</script>';

const branding: DealerBranding = {
  name: `Devillard ${HOSTILE}`,
  logoUrl: 'https://cdn.example.com/logo.png',
  brandColour: '#E30613',
  sender: { name: 'Équipe <Devillard>', email: 'bravo@devillard.ch' },
  contact: { phone: '+41 0848 912 912', email: 'bravo@devillard.ch', address: `Route 1 ${HOSTILE}, 1227 Carouge` },
};

const link = 'https://parc.example/m/eyJhbGciOi.abc?ref=mail&lang=fr';
const expiresAt = new Date('2026-12-04T23:00:00Z');

interface TemplateCase {
  name: string;
  template: EmailTemplate<never>;
  props: Omit<CommonProps, 'language'> & Record<string, unknown>;
  /** The main link the email exists for. */
  url: string;
}

const cases: TemplateCase[] = [
  {
    name: 'meterCampaign',
    template: meterCampaign as EmailTemplate<never>,
    props: { branding, customerNumber: `999${HOSTILE}`, period: '2026-11', linkUrl: link, expiresAt, timeZone: 'Europe/Zurich', machineCount: 3 },
    url: link,
  },
  {
    name: 'meterReminder',
    template: meterReminder as EmailTemplate<never>,
    props: {
      branding,
      customerNumber: '999999',
      period: '2026-11',
      linkUrl: link,
      expiresAt,
      timeZone: 'Europe/Zurich',
      machinesToRead: [
        { model: 'RICOH MP2550CSP', internalNumber: '0002', location: `REZ - COMPTABILITÉ ${HOSTILE}` },
        { model: 'RICOH MPC2051', internalNumber: null, location: null },
      ],
    },
    url: link,
  },
  {
    name: 'contactConfirm',
    template: contactConfirm as EmailTemplate<never>,
    props: { branding, customerNumber: `999${HOSTILE}`, confirmUrl: 'https://parc.example/c/confirm?t=1&u=2', unsubscribeUrl: 'https://parc.example/c/stop?t=1' },
    url: 'https://parc.example/c/confirm?t=1&u=2',
  },
  {
    name: 'passwordReset',
    template: passwordReset as EmailTemplate<never>,
    props: { branding, resetUrl: 'https://parc.example/reset?token=a&b=c', validForMinutes: 60 },
    url: 'https://parc.example/reset?token=a&b=c',
  },
  {
    name: 'userInvite',
    template: userInvite as EmailTemplate<never>,
    props: { branding, inviterName: `Eve ${HOSTILE}`, organisationName: `ACME "SA"`, acceptUrl: 'https://parc.example/invite?i=1&j=2', expiresAt, timeZone: 'Europe/Zurich' },
    url: 'https://parc.example/invite?i=1&j=2',
  },
  {
    name: 'emailChangeConfirm',
    template: emailChangeConfirm as EmailTemplate<never>,
    props: { branding, newEmail: `new${HOSTILE}@example.ch`, confirmUrl: 'https://parc.example/confirm-email/a.b?c=1&d=2', validForMinutes: 1440 },
    url: 'https://parc.example/confirm-email/a.b?c=1&d=2',
  },
  {
    name: 'agentInstructions',
    template: agentInstructions as EmailTemplate<never>,
    props: { branding, customerName: `ACME ${HOSTILE}`, contactName: 'Théophile Lou', agentKey: 'WTCD-GSAL-RGHJ-QJYS', serverUrl: 'https://parc.example', downloadUrl: 'https://parc.example/downloads/agent?os=all&v=1' },
    url: 'https://parc.example/downloads/agent?os=all&v=1',
  },
];

cases.push({
  name: 'overageForecast',
  template: overageForecast as EmailTemplate<never>,
  props: {
    branding,
    customerNumber: `10452${HOSTILE}`,
    periodStart: new Date('2026-10-31T23:00:00Z'),
    periodEnd: new Date('2026-11-30T23:00:00Z'),
    timeZone: 'Europe/Zurich',
    kinds: [{ counter: 'colour', pagesSoFar: 8_420, projectedPages: 11_187, included: 10_000, projectedOverage: 1_187, crossingDay: '2026-11-28' }],
    viewUrl: 'https://parc.example/coordinator?from=mail&x=1',
  },
  url: 'https://parc.example/coordinator?from=mail&x=1',
});

cases.push({
  name: 'supplyOrdered',
  template: supplyOrdered as EmailTemplate<never>,
  props: {
    branding,
    orderCode: 'ACME-ORDER-7',
    customerName: `ACME ${HOSTILE}`,
    customerNumber: '10452',
    deviceCode: 'ACME-3',
    deviceModel: 'Xerox VersaLink C405',
    serial: 'X1234',
    siteName: 'Siège',
    siteAddress: 'Rue du Lac 4, 1003 Lausanne',
    location: null,
    supplyName: 'Black Toner, PN 006R01509;SN4817',
    kind: 'toner',
    colour: 'black',
    partNumber: '006R01509',
    dealerReference: null,
    percent: 18.5,
    p50Days: null,
    p90Days: null,
    trigger: 'level',
    note: null,
    orderUrl: 'https://parc.example/console/consumables/orders?order=ACME-ORDER-7&x=1',
  },
  url: 'https://parc.example/console/consumables/orders?order=ACME-ORDER-7&x=1',
});

cases.push({
  name: 'stockLow',
  template: stockLow as EmailTemplate<never>,
  props: {
    branding,
    stockName: `Salle 1er ${HOSTILE}`,
    siteName: 'Siège',
    customerNumber: '10452',
    items: [
      { name: 'Black Toner Cartridge', partNumber: '106R01159', quantity: 1, minimum: 2 },
      { name: 'Cyan Toner', partNumber: null, quantity: 0, minimum: 1 },
    ],
    stockUrl: 'https://parc.example/console/consumables/stocks?stock=1&x=1',
  },
  url: 'https://parc.example/console/consumables/stocks?stock=1&x=1',
});

cases.push({
  name: 'reportDelivery',
  template: reportDelivery as EmailTemplate<never>,
  props: {
    branding,
    reportName: `Volumes ${HOSTILE}`,
    fileName: 'volumes-2026-12-07.xlsx',
    rows: 12_480,
    scope: '10452',
    downloadUrl: 'https://parc.example/api/report-files/abc?x=1',
    expiresOn: '08.12.2026',
  },
  url: 'https://parc.example/api/report-files/abc?x=1',
});

cases.push({
  name: 'alertForwarded',
  template: alertForwarded as EmailTemplate<never>,
  props: {
    branding,
    senderName: `Claire ${HOSTILE}`,
    customerNumber: '10452',
    deviceCode: 'ALG-3',
    model: 'Canon iR-ADV C5535',
    serial: 'XYZ123',
    location: 'Empfang',
    alert: 'Paper jam',
    since: '05.12.2026',
    message: 'Could you pass by tomorrow?',
    deviceUrl: 'https://parc.example/console/devices/1?x=1',
  },
  url: 'https://parc.example/console/devices/1?x=1',
});

const render = (c: TemplateCase, language: Language) => c.template({ ...c.props, language } as never);

describe.each(cases)('$name', (c) => {
  it.each(LANGUAGES)('renders in %s with the link, escaped values and no leftovers', (language) => {
    const { subject, html, text } = render(c, language);

    expect(subject.length).toBeGreaterThan(5);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<html lang="${language}">`);

    // The link, attribute-escaped in HTML, verbatim in text.
    expect(html).toContain(`href="${escapeHtml(c.url)}"`);
    expect(text).toContain(c.url);

    // User values are escaped in HTML and never become markup.
    expect(html).not.toContain('<script');
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(text).not.toMatch(/&lt;|&amp;|<p|<table|<br/);

    // Email-client safe: layout by tables and inline styles, no stylesheet or classes.
    expect(html).toContain('<table role="presentation"');
    expect(html).not.toMatch(/<style|class=|<script/);

    for (const output of [subject, html, text]) expect(output).not.toMatch(/undefined|NaN|\[object|\$\{|\bnull\b/);
    expect(text).toContain('bravo@devillard.ch');
    expect(text).toContain('+41 0848 912 912');
  });

  it('has its own text in every language for each block (nothing left untranslated)', () => {
    const contents = LANGUAGES.map((language) => c.template.content({ ...c.props, language } as never));
    const texts = contents.map((content) => [
      content.subject,
      content.greeting,
      ...content.blocks.map((block) =>
        block.kind === 'button' ? block.label : block.kind === 'list' ? block.title : block.kind === 'facts' ? block.rows.map(([label]) => label).join() : block.text,
      ),
    ]);
    const blockCount = texts[0]!.length;
    for (const languageTexts of texts) expect(languageTexts).toHaveLength(blockCount);
    for (let index = 0; index < blockCount; index++) {
      const variants = new Set(texts.map((languageTexts) => languageTexts[index]));
      expect(variants.size, `block ${index}: ${[...variants].join(' | ')}`).toBe(LANGUAGES.length);
    }
  });

  it('defaults to French, also for an unknown language', () => {
    const french = render(c, 'fr');
    expect(c.template(c.props as never)).toEqual(french);
    expect(c.template({ ...c.props, language: 'es' } as never)).toEqual(french);
  });

  it('refuses a javascript: link', () => {
    const withBadLink = Object.fromEntries(Object.entries(c.props).map(([key, value]) => [key, value === c.url ? 'javascript:alert(1)' : value]));
    expect(() => c.template(withBadLink as never)).toThrow(expect.objectContaining({ code: 'bad_request' }));
  });
});

describe('meterCampaign content', () => {
  const props = { branding, customerNumber: '999999', period: '2026-11', linkUrl: link, expiresAt, timeZone: 'Europe/Zurich', machineCount: 3 };

  it.each([
    ['fr', 'novembre 2026', '4 décembre 2026', 'vos 3 machines'],
    ['de', 'November 2026', '4. Dezember 2026', 'Ihrer 3 Geräte'],
    ['it', 'novembre 2026', '4 dicembre 2026', 'sue 3 macchine'],
    ['en', 'November 2026', '4 December 2026', 'your 3 machines'],
  ] as const)('%s: period, last valid day and machine count', (language, period, lastDay, machines) => {
    const { subject, text } = meterCampaign({ ...props, language });
    expect(subject).toContain(period);
    expect(subject).toContain('999999');
    expect(text).toContain(lastDay);
    expect(text).toContain(machines);
  });

  it.each([
    // The same period's expiry, computed per zone, always reads as the 4th locally.
    ['America/New_York', '2026-12-05T05:00:00Z', '4 December 2026'],
    ['Asia/Tokyo', '2026-12-04T15:00:00Z', '4 December 2026'],
    // The Zurich expiry instant seen from Tokyo is already the 5th, 08:00: still valid on the 5th there.
    ['Asia/Tokyo', '2026-12-04T23:00:00Z', '5 December 2026'],
  ])('in %s, expiry %s reads as %s', (timeZone, expiry, lastDay) => {
    const { text } = meterCampaign({ ...props, language: 'en', timeZone, expiresAt: new Date(expiry) });
    expect(text).toContain(lastDay);
  });

  it('uses the singular for one machine', () => {
    expect(meterCampaign({ ...props, machineCount: 1 }).text).toContain('de votre machine pour');
  });

  it('names no one: only the customer number identifies the customer', () => {
    const { html } = meterCampaign(props);
    expect(html).toContain('999999');
    expect(html).not.toMatch(/Monsieur|Madame/);
  });
});

describe('other template details', () => {
  it('lists the machines still to read in the reminder', () => {
    const { text } = meterReminder({
      branding,
      customerNumber: '999999',
      period: '2026-11',
      linkUrl: link,
      expiresAt,
      timeZone: 'Europe/Zurich',
      machinesToRead: [
        { model: 'RICOH MP2550CSP', internalNumber: '0002', location: 'REZ - COMPTABILITÉ' },
        { model: 'RICOH MPC2051', internalNumber: null, location: '  ' },
      ],
    });
    expect(text).toContain('Machines encore à relever (2) :\n- RICOH MP2550CSP – 0002 – REZ - COMPTABILITÉ\n- RICOH MPC2051\n');
  });

  it.each([
    [60, 'fr', '1 heure'],
    [120, 'de', '2 Stunden'],
    [90, 'en', '90 minutes'],
    [30, 'it', '30 minuti'],
  ] as const)('password reset valid %i minutes reads "%s" in %s', (validForMinutes, language, duration) => {
    // ICU joins number and unit with a no-break space.
    expect(passwordReset({ branding, language, resetUrl: 'https://parc.example/r', validForMinutes }).text.replace(/\u00a0/g, ' ')).toContain(duration);
  });

  it('contact confirmation carries an unsubscribe link in both versions', () => {
    const { html, text } = contactConfirm({
      branding,
      language: 'de',
      customerNumber: '999999',
      confirmUrl: 'https://parc.example/c/ok',
      unsubscribeUrl: 'https://parc.example/c/stop?t=1&x=2',
    });
    expect(html).toContain('href="https://parc.example/c/stop?t=1&amp;x=2"');
    expect(html).toContain('Diese Nachrichten abbestellen');
    expect(text).toContain('Diese Nachrichten abbestellen:\nhttps://parc.example/c/stop?t=1&x=2');
  });
});

describe('supplyOrdered content', () => {
  const props = cases.find((c) => c.name === 'supplyOrdered')!.props as unknown as Parameters<typeof supplyOrdered>[0];
  it('says why: the level, the forecast as a range, or by hand', () => {
    expect(supplyOrdered({ ...props, language: 'en' }).text).toContain('down to 19%');
    expect(supplyOrdered({ ...props, language: 'fr' }).text).toContain(`descendu à ${new Intl.NumberFormat('fr-CH', { style: 'percent' }).format(0.19)}`);
    expect(supplyOrdered({ ...props, language: 'de', percent: 7 }).subject).toBe('Bestellung ACME-ORDER-7: Toner schwarz für ACME-3');
    const proactive = supplyOrdered({ ...props, language: 'en', trigger: 'proactive', p90Days: 9.6, p50Days: 14.2 }).text;
    expect(proactive).toContain('runs out in 10 to 14 days');
    expect(supplyOrdered({ ...props, language: 'fr', trigger: 'manual', note: 'Livrer au 2e' }).text).toMatch(/passée à la main[\s\S]*Livrer au 2e/);
  });

  it('escapes the customer name in HTML and keeps it verbatim in text', () => {
    const { html, text } = supplyOrdered({ ...props, language: 'it' });
    expect(html).toContain(`10452 · ACME ${escapeHtml(HOSTILE)}`);
    expect(text).toContain(`10452 · ACME ${HOSTILE}`);
  });

  it('leaves out what is unknown', () => {
    const { text } = supplyOrdered({ ...props, language: 'en', percent: null, partNumber: null, siteName: null, siteAddress: null, colour: 'none', kind: 'waste_toner' });
    expect(text).toContain('Waste toner box');
    expect(text).not.toMatch(/Part number|Level|Site/);
    expect(text).toContain('reached its ordering threshold');
  });
});

describe('branding', () => {
  const base = { customerNumber: '1', period: '2026-11', linkUrl: link, expiresAt, timeZone: 'Europe/Zurich', machineCount: 1 };

  it.each([
    ['#E30613', '#e30613', '#ffffff'],
    ['#ffd700', '#ffd700', '#111827'],
    ['red;background:url(https://attacker.example)', '#1d4ed8', '#ffffff'],
    [undefined, '#1d4ed8', '#ffffff'],
  ])('brand colour %s renders as %s with %s text', (brandColour, colour, textColour) => {
    const { html } = meterCampaign({ ...base, branding: { ...branding, brandColour } });
    expect(html).toContain(`bgcolor="${colour}"`);
    expect(html).toContain(`color:${textColour};`);
    expect(html).not.toContain('attacker.example');
  });

  it('shows the dealer name when there is no logo', () => {
    const { html } = meterCampaign({ ...base, branding: { ...branding, logoUrl: undefined, name: 'Devillard' } });
    expect(html).not.toContain('<img');
    expect(html).toMatch(/<span[^>]*>Devillard<\/span>/);
  });

  it('refuses a logo that is not an http(s) URL', () => {
    expect(() => meterCampaign({ ...base, branding: { ...branding, logoUrl: 'javascript:alert(1)' } })).toThrow(
      expect.objectContaining({ code: 'bad_request', meta: { field: 'logoUrl' } }),
    );
  });

  it('builds sender headers that cannot break the From header', () => {
    expect(senderHeaders({ ...branding, sender: { name: 'Devillard "SA"\r\nBcc: x@y', email: 'bravo@devillard.ch' } })).toEqual({
      from: '"Devillard SABcc: x@y" <bravo@devillard.ch>',
      replyTo: 'bravo@devillard.ch',
    });
  });
});

describe('stockLow content', () => {
  const props = cases.find((c) => c.name === 'stockLow')!.props as unknown as Parameters<typeof stockLow>[0];
  it('lists what runs low, the empty ones as such, and the console link only for the dealer', () => {
    const dealer = stockLow({ ...props, language: 'en' }).text;
    expect(dealer).toContain('Black Toner Cartridge (106R01159): 1 left, minimum 2');
    expect(dealer).toContain('Cyan Toner: none left');
    expect(dealer).toContain('Prepare a replenishment');
    const manager = stockLow({ ...props, language: 'de', stockUrl: null }).text;
    expect(manager).toContain('Black Toner Cartridge (106R01159): noch 1, Mindestbestand 2');
    expect(manager).not.toContain('https://parc.example/console');
  });
});
