/**
 * Issue 15: the PWA loads its reader's language only. The built entry carries no catalogue text of any
 * language; each language is one chunk of its own that the service worker precaches; a browser opens
 * with its language alone and, offline, still switches to one it never fetched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, type Language } from '@parc/shared/languages';
import { describe, expect, it } from 'vitest';
import { LoginPage } from '../page-models/login.page.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();
const dist = fileURLToPath(new URL('../../pwa/dist/', import.meta.url));

/** Characters a minifier may write as escapes (no-break and other special spaces, quotes it uses, line breaks). */
const ESCAPED = /[\u0000-\u001f\u007f-\u00a0\u2000-\u200f\u2028-\u202f\u205f-\u206f`'"\\]|\$\{/;

/** One catalogue entry as built code writes it: its key (quoted or not), a colon, its text in quotes. */
interface Entry {
  text: string;
  pattern: RegExp;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Each language's catalogue entries (pwa/src/i18n/languages) whose text is its own: another language
 * words the same key differently. Matched with their key, so the same words in another catalogue
 * (the shared error texts) do not count.
 */
async function catalogueEntries(): Promise<Record<Language, Entry[]>> {
  const flat = async (language: Language) => {
    const { texts } = (await import(`../../pwa/src/i18n/languages/${language}.ts`)) as { texts: Record<string, Record<string, string>> };
    return Object.entries(texts).flatMap(([name, catalogue]) => Object.entries(catalogue).map(([key, text]) => ({ id: `${name}/${key}`, key, text })));
  };
  const all = Object.fromEntries(await Promise.all(LANGUAGES.map(async (language) => [language, await flat(language)]))) as Record<Language, { id: string; key: string; text: string }[]>;
  const textOf = new Map(LANGUAGES.flatMap((language) => all[language].map((entry) => [`${language}:${entry.id}`, entry.text])));
  return Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      all[language]
        .filter((entry) => entry.text.length >= 4 && !ESCAPED.test(entry.text))
        .filter((entry) => LANGUAGES.every((other) => other === language || textOf.get(`${other}:${entry.id}`) !== entry.text))
        .map((entry) => ({ text: entry.text, pattern: new RegExp(`(?:^|[{,\\s])(?:"${literal(entry.key)}"|'${literal(entry.key)}'|${literal(entry.key)})\\s*:\\s*[\`"']${literal(entry.text)}[\`"']`) })),
    ]),
  ) as Record<Language, Entry[]>;
}

/** The entries of `entries` that built code holds. */
const heldIn = (code: string, entries: Entry[]) => entries.filter((entry) => code.includes(entry.text) && entry.pattern.test(code));

/** The scripts index.html loads before the first screen: the entry and what it preloads. */
function entryScripts(): string[] {
  const html = readFileSync(`${dist}index.html`, 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(([, path]) => path!);
}

const read = (path: string) => readFileSync(`${dist}${path}`, 'utf8');

/** The built scripts holding some of each language's entries (one each when the build is right). */
function holdersOf(entries: Record<Language, Entry[]>): Record<Language, string[]> {
  const assets = readdirSync(`${dist}assets`).filter((name) => name.endsWith('.js')).map((name) => `assets/${name}`);
  const code = new Map(assets.map((asset) => [asset, read(asset)]));
  return Object.fromEntries(
    LANGUAGES.map((language) => {
      const sample = entries[language].filter((_, index) => index % 25 === 0);
      return [language, assets.filter((asset) => heldIn(code.get(asset)!, sample).length > 0)];
    }),
  ) as Record<Language, string[]>;
}

describe('the PWA loads one language', () => {
  it('builds an entry without catalogue texts and one precached chunk per language', async () => {
    const entries = await catalogueEntries();
    for (const language of LANGUAGES) expect(entries[language].length, language).toBeGreaterThan(500);

    const entry = entryScripts();
    expect(entry.length).toBeGreaterThan(0);
    for (const script of entry) {
      const code = read(script);
      const found = LANGUAGES.flatMap((language) => heldIn(code, entries[language]).map((entry) => `${language}: ${entry.text}`));
      expect(found, script).toEqual([]);
    }

    const precached = read('sw.js');
    const chunks = holdersOf(entries);
    for (const language of LANGUAGES) {
      const holders = chunks[language];
      expect(holders, language).toHaveLength(1);
      const chunk = read(holders[0]!);
      expect(entries[language].filter((entry) => !heldIn(chunk, [entry]).length).map((entry) => entry.text), `${language}: every entry in ${holders[0]}`).toEqual([]);
      for (const other of LANGUAGES.filter((other) => other !== language)) expect(heldIn(chunk, entries[other]).map((entry) => entry.text), `${other} in ${holders[0]}`).toEqual([]);
      expect(precached, `${holders[0]} precached`).toContain(`"${holders[0]}"`);
    }
  });

  it('opens in the browser language alone and switches offline to a language it never fetched', async () => {
    const chunks = holdersOf(await catalogueEntries());
    const chunkOf = (path: string) => LANGUAGES.find((language) => chunks[language].some((chunk) => path.endsWith(`/${chunk}`)));
    const device = await spec.openDevice('phone');
    const requested: string[] = [];
    device.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const login = new LoginPage(device.page);
    await login.goto();
    await device.page.waitForFunction("navigator.serviceWorker.controller?.state === 'activated'");
    expect(await device.page.getAttribute('html', 'lang')).toBe('fr');
    expect(requested.map(chunkOf).filter(Boolean)).toEqual(['fr']);

    await device.context.setOffline(true);
    const german = device.page.waitForResponse((response) => chunkOf(new URL(response.url()).pathname) === 'de');
    await login.chooseLanguage('de');
    expect((await german).fromServiceWorker()).toBe(true);
    await device.page.locator('html[lang="de"]').waitFor({ state: 'attached' });
    await device.page.getByRole('heading', { name: 'Anmeldung' }).waitFor();
    expect(await login.submit.innerText()).toBe('Anmelden');
  });
});
