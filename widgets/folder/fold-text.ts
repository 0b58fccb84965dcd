/** Case- and accent-folded text, for matching "cni" against "Carte Nationale d'Identité" as the API does. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
