/**
 * French first, English second. Each component keeps its own two message tables (`defineMessages`), typed
 * so that the English table cannot miss a key; the element's `lang` attribute picks one (French unless
 * the attribute starts with "en").
 */
import { DEFAULT_TIME_ZONE } from '@lecoffre/sdk';

export type Lang = 'fr' | 'en';

export function resolveLang(value: string | null | undefined): Lang {
  return value?.trim().toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** A message is text, or a function of the values it shows (counts, names, sizes). */
// biome-ignore lint/suspicious/noExplicitAny: message functions take whatever values their text shows; each table's own type keeps calls checked
export type Message = string | ((...values: any[]) => string);
export type Catalog = Record<string, Message>;

/** Both tables of a component; `en` must have exactly the keys of `fr`, with the same signatures. */
export function defineMessages<const F extends Catalog>(
  fr: F,
  en: { [K in keyof F]: F[K] extends string ? string : F[K] },
): Record<Lang, { [K in keyof F]: F[K] extends string ? string : F[K] }> {
  return { fr: fr as { [K in keyof F]: F[K] extends string ? string : F[K] }, en };
}

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "2,4 Mo" / "2.4 MB": decimal units, as the API's limits are stated. */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = lang === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/**
 * The one date formatter of the widgets and pages: "12 mars 2025" / "12 March 2025" from an ISO date
 * (a calendar day, shown as is) or date-time (shown in `timeZone`); `withTime` adds "à 14:05" / "at 14:05".
 * `timeZone` is the office's (`Office.timeZone`, also in `/v1/me`), not the viewer's computer's (a client
 * abroad, a server-rendered test in UTC), so a file sent at 23:30 in La Réunion is dated the day the notary
 * there saw it; the default zone serves until the office's is known.
 */
export function formatDate(iso: string, lang: Lang, options: { withTime?: boolean; timeZone?: string } = {}): string {
  const day = iso.length === 10;
  const date = new Date(day ? `${iso}T12:00:00Z` : iso);
  const timeZone = day ? 'UTC' : (options.timeZone ?? DEFAULT_TIME_ZONE);
  const text = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
  if (!options.withTime || day) return text;
  const time = new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(date);
  return lang === 'fr' ? `${text} à ${time}` : `${text} at ${time}`;
}
