// Self-contained on purpose (no import): `npm run generate` copies this file into the SDK
// (sdk/generated/search-folding.ts), so the widgets filter lists exactly as the API searches.

/**
 * Folds case and accents so that "Hélène" finds "HELENE" and "Michou" finds "MICHOU": what a notary
 * typing in a search box expects. Also folds ligatures common in French names (œ, æ).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/giu, 'oe')
    .replace(/æ/giu, 'ae')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
