/**
 * Search that ignores case and accents, the same in SQL and in the browser: "zurcher" finds
 * "Zürcher", "GENEVE" finds "Genève". The letters are folded by one table so that PostgreSQL's
 * translate() (a database in the C locale lowers ASCII only) and foldForSearch agree exactly.
 */
const FOLDS: Record<string, string> = {
  a: 'àáâãäåāăąÀÁÂÃÄÅĀĂĄ',
  c: 'çćčÇĆČ',
  d: 'ďđĎĐ',
  e: 'èéêëēėęěÈÉÊËĒĖĘĚ',
  g: 'ğĞ',
  i: 'ìíîïīįıÌÍÎÏĪĮİ',
  l: 'łľĺŁĽĹ',
  n: 'ñńňÑŃŇ',
  o: 'òóôõöøōőÒÓÔÕÖØŌŐ',
  r: 'ŕřŔŘ',
  s: 'śšşșŚŠŞȘ',
  t: 'ťţțŤŢȚ',
  u: 'ùúûüūůűųÙÚÛÜŪŮŰŲ',
  y: 'ýÿÝŸ',
  z: 'źżžŹŻŽ',
};

/** The accented letters, and the plain letter each becomes, position for position: translate()'s two arguments. */
export const ACCENTED = Object.values(FOLDS).join('');
export const PLAIN = Object.entries(FOLDS)
  .map(([plain, accented]) => plain.repeat([...accented].length))
  .join('');

const PLAIN_OF = new Map([...ACCENTED].map((letter, index) => [letter, PLAIN[index]!]));

/** Lower case without accents: what a search compares. */
export function foldForSearch(text: string): string {
  return [...text].map((letter) => PLAIN_OF.get(letter) ?? letter).join('').toLowerCase();
}

