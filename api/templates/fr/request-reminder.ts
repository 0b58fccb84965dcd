import { html } from '../html.js';
import { bulletList, button, formatDate, layout, textList } from '../layout.js';
import type { ReminderDocumentLine, RenderedEmail, RequestReminderParams } from '../types.js';
import { signatureHtml, signatureText } from './shared.js';

const line = (d: ReminderDocumentLine) =>
  d.overdue
    ? `${d.label} (attendu le ${formatDate(d.dueDate, 'fr')}, en retard)`
    : `${d.label} (attendu avant le ${formatDate(d.dueDate, 'fr')})`;

/** A reminder of requested documents close to, or past, their due date. */
export function requestReminder(p: RequestReminderParams): RenderedEmail {
  const overdue = p.documents.some((d) => d.overdue);
  const intro = overdue
    ? 'Votre notaire attend toujours les documents suivants, dont la date souhaitée est dépassée :'
    : 'Votre notaire attend prochainement les documents suivants :';
  return {
    subject: overdue ? 'Rappel : des documents sont attendus par votre notaire' : 'Rappel : documents à déposer prochainement',
    text: [
      `Bonjour ${p.recipientName},`,
      `${intro}\n${textList(p.documents.map(line))}`,
      `${p.documents.length > 1 ? 'Déposez-les' : 'Déposez-le'} sur votre espace client sécurisé : ${p.clientSpaceUrl}`,
      signatureText(p.officeName),
    ].join('\n\n'),
    html: layout({
      language: 'fr',
      preheader: intro,
      body: html`<p><strong>Bonjour ${p.recipientName},</strong></p>
<p>${intro}</p>
${bulletList(p.documents.map(line))}
${button(p.clientSpaceUrl, 'Accéder à la plateforme')}`,
      signature: signatureHtml(p.officeName),
    }),
  };
}

/** The SMS twin: no document names (an SMS shows on a locked screen), just the call and the link. */
export function requestReminderSms(p: RequestReminderParams): string {
  const n = p.documents.length;
  return n > 1
    ? `${p.officeName} : ${n} documents sont attendus pour votre dossier. Déposez-les sur votre espace sécurisé : ${p.clientSpaceUrl}`
    : `${p.officeName} : un document est attendu pour votre dossier. Déposez-le sur votre espace sécurisé : ${p.clientSpaceUrl}`;
}
