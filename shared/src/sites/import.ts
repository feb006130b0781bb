/**
 * Sites from a CSV file: the header names the columns, each line is judged on its own, against the
 * others and against the customer's sites. Pure, so the server's preview and commit and the
 * add-customer wizard (before the customer exists) judge alike.
 */
import { DomainError } from '../errors.ts';
import { normalizeHeader, parseCsv } from '../csv.ts';
import { siteCreateSchema, type SiteImportCandidate, type SiteImportError, type SiteImportLine } from '../contracts/sites.ts';

export const SITE_IMPORT_COLUMNS = ['name', 'address', 'postcode', 'city', 'country', 'coordinatorEmail'] as const;
export type SiteImportColumn = (typeof SITE_IMPORT_COLUMNS)[number];

/** Header spellings accepted per column, compared after normalizeHeader (English and French). */
const HEADER_ALIASES: Record<SiteImportColumn, readonly string[]> = {
  name: ['name', 'site', 'site name', 'nom', 'nom du site'],
  address: ['address', 'adresse'],
  postcode: ['postcode', 'postal code', 'zip', 'npa', 'code postal', 'cp'],
  city: ['city', 'ville', 'localite'],
  country: ['country', 'pays'],
  coordinatorEmail: ['coordinator email', 'coordinator', 'email', 'e mail', 'coordinateur', 'email coordinateur', 'e mail coordinateur', 'email du coordinateur'],
};

export const MAX_SITE_IMPORT_LINES = 2000;

export interface SiteImportRow {
  line: number;
  /** Cells cut to the header's width; `extra` counts cells beyond it. */
  values: Partial<Record<SiteImportColumn, string>>;
  extra: number;
}

/** The file's records keyed by column; a header that is missing, unknown or repeated refuses the whole file. */
export function readSiteImportFile(csv: string): SiteImportRow[] {
  const [header, ...records] = parseCsv(csv);
  if (!header) throw new DomainError('site_import.empty');
  if (records.length > MAX_SITE_IMPORT_LINES) throw new DomainError('site_import.too_many_lines', { lines: records.length, maximum: MAX_SITE_IMPORT_LINES });
  const columns = header.cells.map((cell) => {
    const normalized = normalizeHeader(cell);
    const column = SITE_IMPORT_COLUMNS.find((candidate) => HEADER_ALIASES[candidate].includes(normalized));
    if (!column) throw new DomainError('site_import.unknown_column', { column: cell, field: cell });
    return column;
  });
  const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
  if (repeated) throw new DomainError('site_import.repeated_column', { column: repeated, field: repeated });
  if (!columns.includes('name')) throw new DomainError('site_import.no_name_column', { field: 'name' });
  return records.map(({ line, cells }) => ({
    line,
    values: Object.fromEntries(columns.map((column, index) => [column, cells[index]?.trim() ?? ''])),
    extra: Math.max(0, cells.length - columns.length),
  }));
}

export interface SiteImportContext {
  /** Names of the customer's sites, active or not (names stay unique). */
  existingNames: readonly string[];
  /** Active coordinators of the customer by lower-cased email. */
  coordinatorsByEmail: ReadonlyMap<string, string>;
  /** Used when a line names no coordinator. */
  mainCoordinatorId: string | null;
}

const nameKey = (name: string) => name.trim().toLocaleLowerCase('fr');

/** Each line's site or the reasons it cannot be created; pure, so preview and commit judge alike. */
export function checkSiteImport(rows: readonly SiteImportRow[], context: SiteImportContext): SiteImportLine[] {
  const existing = new Set(context.existingNames.map(nameKey));
  const firstLineByName = new Map<string, number>();
  return rows.map(({ line, values, extra }) => {
    const errors: SiteImportError[] = [];
    if (extra > 0) errors.push({ field: 'line', message: `${extra} value(s) more than the header has columns; is a value with a separator missing its quotes?` });
    const parsed = siteCreateSchema.omit({ coordinatorId: true }).safeParse({
      name: values.name ?? '',
      address: values.address || undefined,
      postcode: values.postcode || undefined,
      city: values.city || undefined,
      country: values.country || undefined,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ field: issue.path.join('.') || 'line', message: issue.message });
    }
    const name = values.name ?? '';
    if (name) {
      const key = nameKey(name);
      const firstLine = firstLineByName.get(key);
      if (firstLine !== undefined) errors.push({ field: 'name', message: `The name ${name} is already on line ${firstLine}.` });
      else firstLineByName.set(key, line);
      if (existing.has(key)) errors.push({ field: 'name', message: `The customer already has a site named ${name}.` });
    }
    let coordinatorId = context.mainCoordinatorId;
    if (values.coordinatorEmail) {
      coordinatorId = context.coordinatorsByEmail.get(values.coordinatorEmail.toLowerCase()) ?? null;
      if (!coordinatorId) errors.push({ field: 'coordinatorEmail', message: `No active coordinator of this customer has the email ${values.coordinatorEmail}.` });
    }
    if (errors.length > 0 || !parsed.success) return { line, status: 'error', errors, site: null };
    const site: SiteImportCandidate = {
      name: parsed.data.name,
      address: parsed.data.address ?? null,
      postcode: parsed.data.postcode ?? null,
      city: parsed.data.city ?? null,
      country: parsed.data.country ?? null,
      coordinatorId,
    };
    return { line, status: 'ok', errors, site };
  });
}
