import type { Language } from '../languages.ts';
import { codeLabel } from '../reports/labels.ts';

/**
 * A notice template is plain text with named placeholders in braces (`{device.id}`): the subject on
 * one line, the body in paragraphs separated by a blank line. Braces that name no placeholder are
 * an error when the template is saved, never a blank in a sent email.
 */

const PLACEHOLDER = /\{([^{}]*)\}/g;
const NAME = /^[a-z]+(\.[a-zA-Z]+)*$/;

export type TemplateProblem =
  | { code: 'unknown_placeholder'; placeholder: string }
  | { code: 'unclosed_brace' }
  | { code: 'empty' };

/** The first problem of a subject or body against the placeholders its category allows, or null. */
export function templateProblem(text: string, allowed: readonly string[]): TemplateProblem | null {
  if (text.trim() === '') return { code: 'empty' };
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim();
    if (!NAME.test(name) || !allowed.includes(name)) return { code: 'unknown_placeholder', placeholder: name };
  }
  // What is left once every placeholder is taken out must hold no brace.
  if (/[{}]/.test(text.replace(PLACEHOLDER, ''))) return { code: 'unclosed_brace' };
  return null;
}

/** Fills a checked template; a placeholder the event has no value for is left empty. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name.trim()] ?? '');
}

/** A filled subject on one line, as a mail header and a digest line need it. */
export function fillSubject(subject: string, values: Readonly<Record<string, string>>): string {
  return fillTemplate(subject, values).replace(/\s+/g, ' ').trim();
}

/** Body text into paragraphs: a blank line starts a new one. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}

/**
 * A fact about an event, kept as data and written in each reader's language when sent: a number,
 * an instant, or a word from a closed list (a counter kind, a request state…).
 */
export type NoticeFact =
  | { text: string }
  | { count: number }
  | { percent: number }
  | { at: string }
  /** A billing or campaign period, `YYYY-MM`. */
  | { month: string }
  | { code: string; list: string };
export type NoticeFacts = Record<string, NoticeFact>;

export function writeFacts(facts: NoticeFacts, language: Language, timeZone: string): Record<string, string> {
  const numbers = new Intl.NumberFormat(language);
  const percents = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const instants = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const months = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const written: Record<string, string> = {};
  for (const [name, fact] of Object.entries(facts)) {
    if ('text' in fact) written[name] = fact.text;
    else if ('count' in fact) written[name] = numbers.format(fact.count);
    else if ('percent' in fact) written[name] = percents.format(fact.percent / 100);
    else if ('at' in fact) written[name] = instants.format(new Date(fact.at));
    else if ('month' in fact) written[name] = months.format(new Date(`${fact.month}-15T12:00:00Z`));
    else written[name] = codeLabel(fact.list, fact.code, language);
  }
  return written;
}
