/**
 * Original file names are display metadata only (storage keys are generated): they are cleaned so that
 * they cannot steer a path, spoof an extension in a listing, or break a header.
 */

const MAX_LENGTH = 200;
const FALLBACK_NAME = 'document';
/** C0 and C1 controls, DEL (tabs and line breaks become spaces first). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/**
 * Bidirectional overrides, embeddings, isolates and marks: "facture\u202Efdp.exe" displays as
 * "factureexe.pdf". The zero-width space, word joiner and BOM hide text the reader cannot see. (Zero-width
 * joiners stay: emoji sequences and several scripts need them.)
 */
const INVISIBLE = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** A short alphanumeric extension is kept when a long name is cut: it tells the reader what opens it. */
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/;

/**
 * A name safe to show and to offer as a download name: the last path segment only (`../../etc/passwd`
 * gives `passwd`, `C:\Users\x\RIB.pdf` gives `RIB.pdf`), without control or invisible characters, runs
 * of spaces folded, no leading or trailing dots or spaces, at most 200 characters (extension kept), and
 * never empty (`document`).
 */
export function sanitiseFileName(name: string): string {
  const lastSegment = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(/[\t\n\r]/g, ' ')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (cleaned === '') return FALLBACK_NAME;
  return capLength(cleaned);
}

/** Cuts by grapheme, so an accent or an emoji is never split in two. */
function capLength(name: string): string {
  const graphemes = (text: string) => Array.from(new Intl.Segmenter('fr', { granularity: 'grapheme' }).segment(text), (s) => s.segment);
  const all = graphemes(name);
  if (all.length <= MAX_LENGTH) return name;
  const extension = EXTENSION.exec(name)?.[0] ?? '';
  const stem = graphemes(name.slice(0, name.length - extension.length));
  return `${stem
    .slice(0, MAX_LENGTH - extension.length)
    .join('')
    .replace(/[\s.]+$/, '')}${extension}`;
}

/**
 * A `Content-Disposition` header value (RFC 6266) for `name`: an ASCII `filename` for old clients
 * (accents dropped: "Releve d'impot.pdf") and the exact UTF-8 name in `filename*` (RFC 8187, ex-5987),
 * which every current browser prefers.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const safe = sanitiseFileName(name);
  return `${type}; filename="${asciiFallback(safe)}"; filename*=UTF-8''${encodeExtValue(safe)}`;
}

function asciiFallback(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // accents off their letters
    .replace(/["\\]/g, "'")
    // `%` too: some clients percent-decode the plain `filename` (RFC 6266 appendix D).
    .replace(/[^\x20-\x7e]|%/g, '_');
  // A name in another script leaves only underscores: say "document" rather than "___.pdf".
  const extension = EXTENSION.exec(ascii)?.[0] ?? '';
  return /[A-Za-z0-9]/.test(ascii.slice(0, ascii.length - extension.length)) ? ascii : `${FALLBACK_NAME}${extension}`;
}

/** RFC 8187 `attr-char` keeps only ALPHA DIGIT !#$&+-.^_`|~; encodeURIComponent also leaves '()*. */
function encodeExtValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
