import * as en from './en/index.js';
import * as fr from './fr/index.js';
import type { Language, MessageCatalogue } from './types.js';

export type * from './types.js';

/**
 * Every message in every language; French is the reference. A missing message or a parameter that
 * differs between languages is a compile error here.
 */
const catalogues: Record<Language, MessageCatalogue> = { fr, en };

/** The messages in the recipient's language (French when unknown). */
export function messagesIn(language: string | null | undefined): MessageCatalogue {
  return language === 'en' ? catalogues.en : catalogues.fr;
}
