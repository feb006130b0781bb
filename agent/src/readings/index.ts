export { parseReading, looksLikePrinter } from './read.ts';
export { BUILTIN_RECIPES, parseRecipeSet, detectVendor } from './recipes.ts';
export { VarbindIndex } from './varbind-index.ts';
