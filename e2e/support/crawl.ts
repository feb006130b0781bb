/**
 * What the crawler checks on every screen: nothing wider than the viewport, no catalogue key shown
 * as such, no text of another language's catalogue, no console error and no failed request the
 * screen did not expect — and, in the pseudo-locale run, no text that did not come from a catalogue.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { COUNTER_LABELS, LANGUAGES, type Language } from '@parc/shared';

export type Catalogues = Record<Language, Record<string, string>>;

/**
 * Every catalogue of the PWA, by language: the app's, the features' own (each feature's
 * messages/<language>.ts, or any *messages folder), and the shared ones rendered on screens (counters, reasons).
 */
export async function loadCatalogues(): Promise<Catalogues> {
  const pwa = fileURLToPath(new URL('../../pwa/src/', import.meta.url));
  // A feature may keep several catalogues: every folder of it whose name ends in "messages".
  const featureFolders = readdirSync(join(pwa, 'features')).flatMap((feature) =>
    readdirSync(join(pwa, 'features', feature), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.endsWith('messages'))
      .map((entry) => join(pwa, 'features', feature, entry.name)),
  );
  const folders = [join(pwa, 'i18n', 'messages'), ...featureFolders];
  const catalogues = Object.fromEntries(LANGUAGES.map((language) => [language, {} as Record<string, string>])) as Catalogues;
  for (const folder of folders) {
    for (const language of LANGUAGES) {
      const file = join(folder, `${language}.ts`);
      if (!existsSync(file)) continue;
      const module = (await import(file)) as Record<string, unknown>;
      for (const exported of Object.values(module)) {
        if (exported && typeof exported === 'object') Object.assign(catalogues[language], exported);
      }
    }
  }
  for (const language of LANGUAGES) for (const [kind, label] of Object.entries(COUNTER_LABELS)) catalogues[language][`shared.counter.${kind}`] = label[language];
  return catalogues;
}

/** Sentences of the other languages that the page's language does not share: text in the wrong language. */
export function foreignTexts(catalogues: Catalogues, language: Language): string[] {
  const own = new Set(Object.values(catalogues[language]).map(normalise));
  return [
    ...new Set(
      LANGUAGES.filter((other) => other !== language)
        .flatMap((other) => Object.values(catalogues[other]))
        .filter((text): text is string => typeof text === 'string')
        // The longest stretch without a placeholder: what shows as such on a screen.
        .map((text) => normalise(text.split(/\{\w+\}/).sort((a, b) => b.length - a.length)[0] ?? ''))
        // Short words are shared across languages (Total, Date, Agent): only sentences tell a language.
        .filter((text) => text.length >= 14 && text.includes(' ') && !own.has(text)),
    ),
  ];
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The app's route paths as declared in its route files: a file exporting a list declares absolute
 * paths; a file exporting one route declares its root first and its children under it.
 */
export function declaredRoutes(): string[] {
  const pwa = fileURLToPath(new URL('../../pwa/src/', import.meta.url));
  const featureFiles = readdirSync(join(pwa, 'features')).flatMap((feature) =>
    readdirSync(join(pwa, 'features', feature))
      .filter((file) => file.endsWith('.routes.tsx'))
      .map((file) => join(pwa, 'features', feature, file)),
  );
  const routes = new Set<string>();
  for (const file of [join(pwa, 'routes.tsx'), ...featureFiles]) {
    const source = readFileSync(file, 'utf8');
    const paths = [...source.matchAll(/path: '([^']*)'/g)].map((match) => match[1]!);
    if (/RouteDefinition\[\]/.test(source)) {
      for (const path of paths) routes.add(path);
      continue;
    }
    const [root, ...children] = paths;
    routes.add(root!);
    for (const child of children) if (child !== '/') routes.add(`${root}${child}`);
  }
  return [...routes].sort();
}

export interface Finding {
  route: string;
  url: string;
  view: string;
  problem: string;
}

/** Runs in the page: the checks that need the DOM. Written as text, since this package is type-checked without the DOM library. */
const IN_PAGE = `(() => {
  const width = window.innerWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width + 1) problems.push('page scrolls sideways: ' + document.documentElement.scrollWidth + 'px wide in ' + width + 'px');
  const clipped = (element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (/(auto|scroll|hidden|clip)/.test(style.overflowX)) return true;
    }
    return false;
  };
  const describe = (element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\\s+/).join('.') : '');
  for (const element of document.body.querySelectorAll('*')) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.position === 'fixed') continue;
    // Only what sticks out on the right makes a page scroll sideways; an off-canvas drawer parked on the left does not.
    if (rect.right > width + 1 && !clipped(element) && !element.closest('[inert]')) {
      problems.push('wider than the viewport: ' + describe(element) + ' (' + Math.round(rect.left) + '..' + Math.round(rect.right) + ')');
      if (problems.length > 5) break;
    }
  }
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script,style,noscript,[hidden],[aria-hidden="true"]')) continue;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (text && parent.getClientRects().length > 0) texts.push(text);
  }
  for (const element of document.querySelectorAll('[placeholder],[aria-label],[title],input[type=submit],input[type=button]')) {
    for (const name of ['placeholder', 'aria-label', 'title', 'value']) {
      const value = element.getAttribute(name);
      if (value && (name !== 'value' || element.type === 'submit' || element.type === 'button')) texts.push(value.trim());
    }
  }
  return { problems, texts, lang: document.documentElement.lang };
})()`;

export interface PageScan {
  problems: string[];
  texts: string[];
  lang: string;
}

export async function scanPage(page: Page): Promise<PageScan> {
  return (await page.evaluate(IN_PAGE)) as PageScan;
}

/** Text problems of one screen in `language`: raw catalogue keys and other languages' sentences. */
export function textProblems(catalogues: Catalogues, texts: readonly string[], language: Language): string[] {
  const foreign = foreignTexts(catalogues, language);
  const keys = new Set(Object.keys(catalogues.fr));
  const problems: string[] = [];
  for (const text of texts) {
    if (keys.has(text)) problems.push(`catalogue key shown as text: "${text}"`);
    const sentence = foreign.find((candidate) => text.includes(candidate));
    if (sentence) problems.push(`text of another language than ${language}: "${sentence}" in "${text.slice(0, 120)}"`);
  }
  return problems;
}

/** Pseudo-locale run: every catalogue text is wrapped in ⟦…⟧; anything else with words in it did not come from a catalogue. */
/** Words Intl writes into dates (month and day names, AM/PM) and each language's own name: not catalogue texts. */
const INTL_WORDS = new RegExp(
  `\\b(${[
    ...new Set(
      ['fr-CH', 'de-CH', 'it-CH', 'en-GB', 'en-US'].flatMap((locale) =>
        Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, 15))).flatMap((date) => [
          new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(date),
          new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(date).replace('.', ''),
          new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(date).replace('.', ''),
        ]),
      ),
    ),
    'AM',
    'PM',
    'Français',
    'Deutsch',
    'Italiano',
    'English',
  ].join('|')})\\b\\.?`,
  'gu',
);

export function unwrappedTexts(texts: readonly string[], data: ReadonlySet<string>): string[] {
  const values = [...data].filter((value) => value.length > 1);
  // Data the screen received (names, models, addresses…) is not expected to come from a catalogue.
  const isData = (part: string) => data.has(part) || values.some((value) => value.includes(part) || (value.length > 2 && part.includes(value)));
  return texts
    .map((text) => text.replace(/⟦[^⟧]*⟧/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((rest) => !isData(rest))
    .map((rest) => rest.replace(INTL_WORDS, ' ').replace(/\s+/g, ' ').trim())
    .filter((rest) => /\p{L}{3,}/u.test(rest))
    .filter((rest) => !rest.split(/\s*[·,;:()|/–]\s*|\s{2,}/).every((part) => !/\p{L}{3,}/u.test(part) || isData(part.trim())));
}
