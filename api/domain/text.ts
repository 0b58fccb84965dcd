export { foldForSearch } from './search-folding.js';

/** Collapses runs of white space and trims, for labels and names typed by people. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A LIKE pattern matching `folded` anywhere, with LIKE's wildcards taken literally ("50%" means 5, 0, %). */
export function likeContaining(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
