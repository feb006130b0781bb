import { DomainError } from '@parc/shared';

/**
 * HTML built through the `html` tag is escaped by construction: every interpolated value is
 * escaped unless it is already SafeHtml (the output of another `html` call).
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

type Interpolation = SafeHtml | string | number | readonly SafeHtml[];

function toHtml(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item: SafeHtml) => item.value).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, text, index) => out + text + (index < values.length ? toHtml(values[index]!) : ''), ''));
}

/** Only http(s) links go into an email: a `javascript:` or `data:` URL would be an attack. */
export function checkedUrl(url: string, field: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DomainError('bad_request', `${field} is not a URL`, { field });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new DomainError('bad_request', `${field} must be an http(s) URL`, { field });
  }
  return parsed.href;
}

/** Subjects and other header-bound texts: no line breaks, no runs of spaces. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
