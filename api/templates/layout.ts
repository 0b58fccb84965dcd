import { DEFAULT_TIME_ZONE } from '../domain/time-zones.js';
import { html, type SafeHtml } from './html.js';
import type { Language } from './types.js';

export interface LayoutParts {
  language: Language;
  /** The first line, as the inbox preview shows it. */
  preheader: string;
  body: SafeHtml;
  /** Signed by the office: "Votre office notarial. SELAS AP NOTAIRES". */
  signature: SafeHtml;
}

/** A plain, table-based layout that mail clients render alike; styles inline (clients drop <style>). */
export function layout(parts: LayoutParts): string {
  return html`<!doctype html>
<html lang="${parts.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${parts.preheader}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#1f2937;">
<span style="display:none;max-height:0;overflow:hidden;">${parts.preheader}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;"><tr><td style="padding:28px;font-size:15px;line-height:1.5;">
${parts.body}
${parts.signature}
</td></tr></table>
</td></tr></table>
</body>
</html>
`.value;
}

export function button(href: string, label: string): SafeHtml {
  return html`<p style="margin:24px 0;"><a href="${href}" style="display:inline-block;background:#1e3a8a;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:bold;">${label}</a></p>`;
}

export function bulletList(items: Array<string | SafeHtml>): SafeHtml {
  return html`<ul style="padding-left:20px;">${items.map((item) => html`<li>${item}</li>`)}</ul>`;
}

export function textList(items: string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** A calendar day (YYYY-MM-DD) as is; an instant on the office's calendar (`timeZone`). */
export function formatDate(isoDate: string, language: Language, timeZone = DEFAULT_TIME_ZONE): string {
  const day = isoDate.length === 10;
  const date = new Date(day ? `${isoDate}T12:00:00Z` : isoDate);
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: day ? 'UTC' : timeZone,
    ...(language === 'fr' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { dateStyle: 'long' }),
  }).format(date);
}
