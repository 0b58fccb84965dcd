/**
 * Offices' time zones: IANA names. Every time the product shows an office, its members or its clients (pages,
 * widgets, e-mails, certificates) is in the office's zone, never the server's or the browser's.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/**
 * The zones of France's notarial offices, mainland first (the choices shown before all the others). Labels
 * are French: notaries choose them.
 */
export const FRENCH_TIME_ZONES: ReadonlyArray<{ zone: string; label: string }> = [
  { zone: 'Europe/Paris', label: 'France métropolitaine et Corse' },
  { zone: 'America/Guadeloupe', label: 'Guadeloupe' },
  { zone: 'America/Martinique', label: 'Martinique' },
  { zone: 'America/Cayenne', label: 'Guyane' },
  { zone: 'Indian/Reunion', label: 'La Réunion' },
  { zone: 'Indian/Mayotte', label: 'Mayotte' },
  { zone: 'America/Miquelon', label: 'Saint-Pierre-et-Miquelon' },
  { zone: 'America/St_Barthelemy', label: 'Saint-Barthélemy' },
  { zone: 'America/Marigot', label: 'Saint-Martin' },
  { zone: 'Pacific/Noumea', label: 'Nouvelle-Calédonie' },
  { zone: 'Pacific/Tahiti', label: 'Polynésie française (Tahiti)' },
  { zone: 'Pacific/Wallis', label: 'Wallis-et-Futuna' },
];

/** True for a zone name this runtime knows (the ICU database Node and browsers share). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day at `instant` in `zone`, as YYYY-MM-DD (en-CA writes dates that way). */
export function calendarDay(instant: Date, zone: string): string {
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, format);
  }
  return format.format(instant);
}

/** The hour (0–23) on the office's clocks at `instant`. */
export function localHour(instant: Date, zone: string): number {
  let format = hourFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' });
    hourFormats.set(zone, format);
  }
  return Number(format.format(instant));
}

/** `date` (YYYY-MM-DD) moved by `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
