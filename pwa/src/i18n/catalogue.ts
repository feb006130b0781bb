import type { fr } from './messages/fr.ts';

export type MessageKey = keyof typeof fr;

/** A catalogue must have exactly the French keys: a missing or extra key fails the type-check. */
export type Catalogue = { readonly [Key in MessageKey]: string };
