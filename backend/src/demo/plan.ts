import type { CounterKind, ReadingSource } from '@parc/shared';
import type { campaignContacts, coordinators, counters, customers, devices, partners, readings, sites, userCustomers, users } from '../db/schema/index.ts';
import { MODELS, MONTHLY_PAGES, VENDORS, type ModelKey } from '@parc/shared/devices/printer-models';
import { createRandom, type Random } from '@parc/shared/random';

/** The demo dealer and its fleet as rows ready to insert, computed without touching the database. */
export interface DemoPlan {
  partner: typeof partners.$inferInsert;
  /** Without password hashes: hashing is slow and belongs to the caller. */
  users: (typeof users.$inferInsert)[];
  customers: (typeof customers.$inferInsert)[];
  coordinators: (typeof coordinators.$inferInsert)[];
  sites: (typeof sites.$inferInsert)[];
  userCustomers: (typeof userCustomers.$inferInsert)[];
  devices: (typeof devices.$inferInsert)[];
  counters: (typeof counters.$inferInsert)[];
  readings: (typeof readings.$inferInsert)[];
  /** Who receives each customer's monthly meter email: its main coordinator, confirmed, in the customer's language. */
  campaignContacts: (typeof campaignContacts.$inferInsert)[];
}

export const DEMO_PASSWORD = 'parc-demo-2026';

export const DEMO_LOGINS = [
  { email: 'admin@demo-dealer.test', role: 'partner_admin', name: 'Claire Favre', what: 'partner console, administrator' },
  { email: 'staff@demo-dealer.test', role: 'partner_staff', name: 'Marc Rochat', what: 'partner console, staff' },
  { email: 'tech@demo-dealer.test', role: 'technician', name: 'Yannick Berthod', what: 'technician app' },
  { email: 'coordinator@demo-dealer.test', role: 'coordinator', name: 'Sophie Delaloye', what: 'customer coordinator (Fiduciaire Delaloye & Fournier)' },
] as const;

/** The demo logins as printed at start-up. */
export function demoLoginLines(): string[] {
  const width = Math.max(...DEMO_LOGINS.map((login) => login.email.length));
  return [`Demo logins (password ${DEMO_PASSWORD}):`, ...DEMO_LOGINS.map((login) => `  ${login.email.padEnd(width)}  ${login.what}`)];
}

/** The customer whose meter link the demo prints at start-up: every machine of it is read by hand. */
export const DEMO_METER_CUSTOMER = '10452';

/** Monthly readings per counter, the last one taken at `now`. */
export const HISTORY_MONTHS = 14;

const SEED = 20_260_101;

type Language = 'fr' | 'de' | 'it';

const LOCATIONS: Record<Language, readonly string[]> = {
  fr: ['2e étage, couloir', 'Réception', '1er étage, salle de copie', 'Comptabilité', 'Direction, bureau 305', 'Rez-de-chaussée, archives', '3e étage, open space', 'Salle de conférence'],
  de: ['2. OG, Korridor', 'Empfang', '1. OG, Kopierraum', 'Buchhaltung', 'Werkstattbüro', 'Planungsabteilung', 'EG, Lager'],
  it: ['Reception', '1° piano, corridoio', 'Segreteria', 'Archivio, piano terra', '2° piano, sala riunioni', 'Ufficio contabilità'],
};

interface CustomerSpec {
  customerNumber: string;
  name: string;
  language: Language;
  address: string;
  postcode: string;
  city: string;
  prefix: string;
  taxNumber: string;
  activity: string;
  /** Internal (asset) numbers the customer sticks on its machines: a prefix and the first number. */
  assets: { prefix: string; first: number };
  sites: { name: string; address: string; postcode: string; city: string }[];
  /** `site`: the coordinator answers for that site; `user`: the demo coordinator login is this person. */
  coordinators: { name: string; email: string; phone: string; isMain: boolean; site?: number; user?: boolean }[];
  fleet: { model: ModelKey; site: number }[];
  /** Sites where an SNMP agent reads the counters instead of the customer. */
  agentSites: number[];
}

const CUSTOMERS: CustomerSpec[] = [
  {
    customerNumber: '10452',
    name: 'Fiduciaire Delaloye & Fournier SA',
    language: 'fr',
    address: 'Rue du Petit-Chêne 18',
    postcode: '1003',
    city: 'Lausanne',
    prefix: 'DF',
    taxNumber: 'CHE-114.395.208 TVA',
    activity: 'Fiduciaire',
    assets: { prefix: 'INF-', first: 1204 },
    sites: [
      { name: 'Siège Lausanne', address: 'Rue du Petit-Chêne 18', postcode: '1003', city: 'Lausanne' },
      { name: 'Agence Genève', address: 'Rue du Rhône 54', postcode: '1204', city: 'Genève' },
      { name: 'Agence Fribourg', address: 'Boulevard de Pérolles 7', postcode: '1700', city: 'Fribourg' },
      { name: 'Agence Neuchâtel', address: 'Rue du Seyon 10', postcode: '2000', city: 'Neuchâtel' },
    ],
    coordinators: [
      { name: 'Sophie Delaloye', email: 'coordinator@demo-dealer.test', phone: '+41 21 312 48 90', isMain: true, user: true },
      { name: 'Julien Fournier', email: 'j.fournier@delaloye-fournier.test', phone: '+41 22 310 77 12', isMain: false, site: 1 },
    ],
    fleet: [
      { model: 'ricohC4510', site: 0 },
      { model: 'ricohC3000', site: 0 },
      { model: 'kyocera3554', site: 0 },
      { model: 'canonC5840', site: 0 },
      { model: 'hpM554', site: 0 },
      { model: 'hpM528', site: 0 },
      { model: 'xeroxC9065', site: 0 },
      { model: 'lexmarkCX725', site: 0 },
      { model: 'ricohC3000', site: 1 },
      { model: 'sharpMX3071', site: 1 },
      { model: 'hpM480', site: 1 },
      { model: 'brotherL8900', site: 1 },
      { model: 'kyoceraP3155', site: 1 },
      { model: 'kmC300i', site: 2 },
      { model: 'canonMF543', site: 2 },
      { model: 'epsonC879', site: 2 },
      { model: 'hpM611', site: 2 },
      { model: 'xeroxC405', site: 3 },
      { model: 'kyoceraM3145', site: 3 },
      { model: 'brotherL6400', site: 3 },
    ],
    agentSites: [],
  },
  {
    customerNumber: '10517',
    name: 'Zürcher Haustechnik AG',
    language: 'de',
    address: 'Hardstrasse 201',
    postcode: '8005',
    city: 'Zürich',
    prefix: 'ZHT',
    taxNumber: 'CHE-281.604.937 MWST',
    activity: 'Sanitär- und Heizungstechnik',
    assets: { prefix: 'IT-', first: 310 },
    sites: [
      { name: 'Hauptsitz Zürich', address: 'Hardstrasse 201', postcode: '8005', city: 'Zürich' },
      { name: 'Filiale Winterthur', address: 'Technikumstrasse 9', postcode: '8400', city: 'Winterthur' },
    ],
    coordinators: [
      { name: 'Martin Keller', email: 'm.keller@zuercher-haustechnik.test', phone: '+41 44 455 21 30', isMain: true },
      { name: 'Andrea Meier', email: 'a.meier@zuercher-haustechnik.test', phone: '+41 52 213 40 05', isMain: false, site: 1 },
    ],
    fleet: [
      { model: 'canonC5840', site: 0 },
      { model: 'canon6860', site: 0 },
      { model: 'kmC300i', site: 0 },
      { model: 'kmC4080', site: 0 },
      { model: 'sharpMXM3071', site: 0 },
      { model: 'lexmarkMS826', site: 0 },
      { model: 'hpM554', site: 0 },
      { model: 'km4750i', site: 0 },
      { model: 'xeroxC8145', site: 1 },
      { model: 'kyocera3554', site: 1 },
      { model: 'brotherL8900', site: 1 },
      { model: 'ricoh6000', site: 1 },
    ],
    agentSites: [0],
  },
  {
    customerNumber: '10633',
    name: 'Studio Legale Ferrari & Lepori',
    language: 'it',
    address: 'Via Nassa 21',
    postcode: '6900',
    city: 'Lugano',
    prefix: 'FL',
    taxNumber: 'CHE-403.118.562 IVA',
    activity: 'Studio legale',
    assets: { prefix: 'FL-', first: 41 },
    sites: [
      { name: 'Sede Lugano', address: 'Via Nassa 21', postcode: '6900', city: 'Lugano' },
      { name: 'Ufficio Bellinzona', address: 'Viale Stazione 8', postcode: '6500', city: 'Bellinzona' },
    ],
    coordinators: [{ name: 'Giulia Lepori', email: 'g.lepori@ferrari-lepori.test', phone: '+41 91 922 63 18', isMain: true }],
    fleet: [
      { model: 'epsonAMC4000', site: 0 },
      { model: 'ricohC3000', site: 0 },
      { model: 'xeroxC8145', site: 0 },
      { model: 'lexmarkCX725', site: 0 },
      { model: 'hpM480', site: 0 },
      { model: 'brotherL6400', site: 0 },
      { model: 'sharpMX3071', site: 1 },
      { model: 'kyoceraM3145', site: 1 },
    ],
    agentSites: [],
  },
];

/** The one reading a technician took during a maintenance visit: which device, how many months ago. */
const TECHNICIAN_VISIT = { deviceCode: 'FL-1', monthsAgo: 4 };

/** Fewer pages in August (holidays) and in the month holding Christmas. */
const SEASON: Partial<Record<number, number>> = { 7: 0.55, 11: 0.7 };

/** Everything the demo inserts, identical for the same `now` and `newId`. */
export function planDemo(now: Date, newId: () => string): DemoPlan {
  const random = createRandom(SEED);
  const createdAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - HISTORY_MONTHS, 1));
  const installedLongAgo = new Date(Date.UTC(now.getUTCFullYear() - 4, 0, 1));
  const partnerId = newId();
  const plan: DemoPlan = {
    partner: {
      id: partnerId,
      name: 'Bureau Alpin SA',
      email: 'contact@demo-dealer.test',
      phone: '+41 27 322 45 60',
      address: 'Rue de la Dixence 33, 1950 Sion',
      website: 'https://demo-dealer.test',
      brandColour: '#0e7490',
      defaultLanguage: 'fr',
      defaultTimezone: 'Europe/Zurich',
      country: 'CH',
      currency: 'CHF',
      createdAt,
    },
    users: DEMO_LOGINS.map(({ email, role, name }) => ({ id: newId(), partnerId, email, name, role, language: 'fr', createdAt })),
    customers: [],
    coordinators: [],
    sites: [],
    userCustomers: [],
    devices: [],
    counters: [],
    readings: [],
    campaignContacts: [],
  };
  const coordinatorUser = plan.users.find((user) => user.role === 'coordinator')!;
  const technician = plan.users.find((user) => user.role === 'technician')!;

  CUSTOMERS.forEach((spec, customerIndex) => {
    const customerId = newId();
    const { fleet, sites: siteSpecs, coordinators: coordinatorSpecs, assets, agentSites, ...fields } = spec;
    plan.customers.push({ ...fields, id: customerId, partnerId, country: 'CH', timezone: 'Europe/Zurich', currency: 'CHF', nextDeviceNumber: fleet.length + 1, createdAt });

    const coordinatorIds = coordinatorSpecs.map(({ name, email, phone, isMain, user }) => {
      const id = newId();
      plan.coordinators.push({ id, partnerId, customerId, name, email, phone, isMain, userId: user ? coordinatorUser.id! : null, createdAt });
      if (user) plan.userCustomers.push({ userId: coordinatorUser.id!, customerId });
      // A random id is as unguessable as the tokens real contacts get, and keeps the plan a function of newId.
      if (isMain) plan.campaignContacts.push({ id: newId(), partnerId, customerId, email, language: spec.language, confirmedAt: createdAt, unsubscribeToken: newId(), createdAt });
      return id;
    });
    const siteCoordinator = (site: number) => {
      const index = coordinatorSpecs.findIndex((coordinator) => coordinator.site === site);
      return index === -1 ? null : coordinatorIds[index]!;
    };
    const siteIds = siteSpecs.map((site, siteIndex) => {
      const id = newId();
      plan.sites.push({ ...site, id, partnerId, customerId, country: 'CH', coordinatorId: siteCoordinator(siteIndex), createdAt });
      return id;
    });

    const hostsPerSite = new Map<number, number>();
    fleet.forEach(({ model: key, site }, index) => {
      const model = MODELS[key];
      const deviceNumber = index + 1;
      const deviceCode = `${spec.prefix}-${deviceNumber}`;
      const host = (hostsPerSite.get(site) ?? 20) + 1;
      hostsPerSite.set(site, host);
      const deviceId = newId();
      plan.devices.push({
        id: deviceId,
        partnerId,
        customerId,
        deviceNumber,
        deviceCode,
        serial: random.pattern(VENDORS[model.manufacturer].serial),
        manufacturer: model.manufacturer,
        model: model.model,
        internalNumber: `${assets.prefix}${assets.first + index}`,
        location: random.pick(LOCATIONS[spec.language]),
        siteId: siteIds[site]!,
        coordinatorId: siteCoordinator(site),
        colourCapable: model.colour,
        ip: `10.${20 + customerIndex}.${site + 1}.${host}`,
        mac: [VENDORS[model.manufacturer].oui, ...Array.from({ length: 3 }, () => random.int(0, 255).toString(16).padStart(2, '0').toUpperCase())].join(':'),
        // Machines some years in service: their history starts long before Parc knew them.
        installedAt: installedLongAgo,
        createdAt,
      });

      const kinds: CounterKind[] = ['total', 'mono', ...(model.colour ? (['colour'] as const) : []), ...(model.scans ? (['scan'] as const) : [])];
      const counterIds = new Map(kinds.map((kind) => [kind, newId()]));
      for (const [kind, id] of counterIds) plan.counters.push({ id, partnerId, deviceId, kind, createdAt });

      const source: ReadingSource = agentSites.includes(site) ? 'agent' : 'link';
      for (const reading of meterHistory(random, now, MONTHLY_PAGES[model.usage], model.colour, model.scans)) {
        const byTechnician = deviceCode === TECHNICIAN_VISIT.deviceCode && reading.monthsAgo === TECHNICIAN_VISIT.monthsAgo;
        for (const [kind, value] of Object.entries(reading.values) as [CounterKind, number][]) {
          plan.readings.push({
            id: newId(),
            partnerId,
            deviceId,
            counterId: counterIds.get(kind)!,
            value,
            takenAt: reading.takenAt,
            source: byTechnician ? 'technician' : source,
            status: reading.lockedAt ? 'accepted' : 'entered',
            enteredBy: byTechnician ? technician.email : 'demo',
            note: byTechnician ? 'Relevé lors de la visite de maintenance' : null,
            lockedAt: reading.lockedAt,
            createdAt: reading.takenAt,
          });
        }
      }
    });
  });
  return plan;
}

interface MonthlyReading {
  monthsAgo: number;
  takenAt: Date;
  /** Set on every reading but the last: its period is closed. */
  lockedAt: Date | null;
  values: Partial<Record<CounterKind, number>>;
}

/**
 * One device's readings, oldest first: a machine already some years in service, printing around a
 * volume of its own each month, with a colour share and a scan share of its own.
 */
function meterHistory(random: Random, now: Date, pages: { min: number; max: number }, colour: boolean, scans: boolean): MonthlyReading[] {
  const monthlyPages = random.between(pages.min, pages.max);
  const colourShare = colour ? random.between(0.1, 0.4) : 0;
  const scanShare = scans ? random.between(0.2, 0.6) : 0;
  const monthsInService = random.int(6, 48);
  let mono = Math.round(monthlyPages * monthsInService * (1 - colourShare));
  let colourPages = Math.round(monthlyPages * monthsInService * colourShare);
  let scanPages = Math.round(monthlyPages * monthsInService * scanShare);

  const dates = Array.from({ length: HISTORY_MONTHS }, (_, index) => {
    const monthsAgo = HISTORY_MONTHS - 1 - index;
    if (monthsAgo === 0) return now;
    // Customers read their machines in the first days of the month, at office hours.
    const day = Math.min(now.getUTCDate(), 28) - random.int(0, 2);
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, day, random.int(7, 16), random.int(0, 59)));
  });

  return dates.map((takenAt, index) => {
    const previous = dates[index - 1];
    if (previous) {
      const midpoint = new Date((previous.getTime() + takenAt.getTime()) / 2);
      const days = (takenAt.getTime() - previous.getTime()) / 86_400_000;
      const printed = monthlyPages * (SEASON[midpoint.getUTCMonth()] ?? 1) * random.between(0.85, 1.15) * (days / 30.4);
      const colourPart = Math.round(printed * Math.min(0.45, colourShare * random.between(0.85, 1.15)));
      mono += Math.round(printed) - colourPart;
      colourPages += colourPart;
      scanPages += Math.round(printed * scanShare * random.between(0.7, 1.3));
    }
    const next = dates[index + 1];
    return {
      monthsAgo: HISTORY_MONTHS - 1 - index,
      takenAt,
      lockedAt: next ?? null,
      values: {
        total: mono + colourPages,
        mono,
        ...(colour ? { colour: colourPages } : {}),
        ...(scans ? { scan: scanPages } : {}),
      },
    };
  });
}
