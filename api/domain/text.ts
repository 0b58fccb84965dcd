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

/** Collapses runs of white space and trims, for labels and names typed by people. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A LIKE pattern matching `folded` anywhere, with LIKE's wildcards taken literally ("50%" means 5, 0, %). */
export function likeContaining(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
