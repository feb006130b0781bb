import type { ReportDefinitionBody } from '../contracts/reports.ts';
import type { Translations } from '../languages.ts';
import { SOURCES, type SourceSpec } from './catalogue.ts';
import type { ReportSource } from './vocabulary.ts';

/**
 * The reports every dealer has: they cannot be changed or deleted, only copied into an own report.
 * Their keys are stable (schedules and links name them).
 */
export interface PredefinedReport {
  key: string;
  name: Translations;
  source: ReportSource;
  body: ReportDefinitionBody;
}

const all = (spec: SourceSpec) => spec.columns.map((column) => column.key);
const t = (fr: string, de: string, it: string, en: string): Translations => ({ fr, de, it, en });

export const PREDEFINED_REPORTS: readonly PredefinedReport[] = [
  {
    key: 'fleet',
    name: t('Liste du parc', 'Geräteliste', 'Elenco del parco', 'Fleet list'),
    source: 'devices',
    body: { columns: all(SOURCES.devices), filters: { state: 'active' } },
  },
  {
    key: 'volumes_by_device',
    name: t('Volumes par appareil et par mois', 'Volumen pro Gerät und Monat', 'Volumi per apparecchio e mese', 'Volumes per device and month'),
    source: 'volumes',
    body: { columns: all(SOURCES.volumes), filters: { period: { preset: 'last_12_months' } }, groupBy: 'device' },
  },
  {
    key: 'volumes_by_site',
    name: t('Volumes par site et par mois', 'Volumen pro Standort und Monat', 'Volumi per sede e mese', 'Volumes per site and month'),
    source: 'volumes',
    body: {
      columns: ['month', 'customerNumber', 'customerName', 'siteName', 'monoPages', 'colourPages', 'totalPages'],
      filters: { period: { preset: 'last_12_months' } },
      groupBy: 'site',
    },
  },
  {
    key: 'volumes_by_customer',
    name: t('Volumes par client et par mois', 'Volumen pro Kunde und Monat', 'Volumi per cliente e mese', 'Volumes per customer and month'),
    source: 'volumes',
    body: { columns: ['month', 'customerNumber', 'customerName', 'monoPages', 'colourPages', 'totalPages'], filters: { period: { preset: 'last_12_months' } }, groupBy: 'customer' },
  },
  {
    key: 'readings',
    name: t('Relevés de la période et leur source', 'Ablesungen der Periode und ihre Quelle', 'Letture del periodo e loro fonte', "The period's readings and their source"),
    source: 'readings',
    body: { columns: all(SOURCES.readings), filters: { period: { preset: 'last_month' } } },
  },
  {
    key: 'readings_to_check',
    name: t('Relevés à vérifier', 'Zu prüfende Ablesungen', 'Letture da verificare', 'Readings to check'),
    source: 'readings',
    body: { columns: all(SOURCES.readings), filters: { state: 'to_check' } },
  },
  {
    key: 'supplies',
    name: t('État et niveaux des consommables', 'Status und Füllstände der Verbrauchsmaterialien', 'Stato e livelli dei consumabili', 'Supplies status and levels'),
    source: 'supplies',
    body: { columns: all(SOURCES.supplies), filters: {} },
  },
  {
    key: 'orders',
    name: t('Commandes de consommables', 'Bestellungen von Verbrauchsmaterial', 'Ordini di consumabili', 'Supply orders'),
    source: 'orders',
    body: { columns: all(SOURCES.orders), filters: { period: { preset: 'last_3_months' } } },
  },
  {
    key: 'requests',
    name: t('Demandes de maintenance', 'Wartungsanfragen', 'Richieste di manutenzione', 'Maintenance requests'),
    source: 'requests',
    body: { columns: all(SOURCES.requests), filters: { period: { preset: 'last_3_months' } } },
  },
  {
    key: 'agents',
    name: t('Agents et leur état', 'Agenten und ihr Status', 'Agenti e loro stato', 'Agents and their state'),
    source: 'agents',
    body: { columns: all(SOURCES.agents), filters: {} },
  },
  {
    key: 'billing_lines',
    name: t('Lignes de facturation', 'Abrechnungszeilen', 'Righe di fatturazione', 'Billing lines'),
    source: 'billing_lines',
    body: { columns: all(SOURCES.billing_lines), filters: { period: { preset: 'last_month' } } },
  },
];

export function predefinedReport(key: string): PredefinedReport | undefined {
  return PREDEFINED_REPORTS.find((report) => report.key === key);
}
