import { html } from '../html.js';
import { bulletList, button, formatDate, layout, textList } from '../layout.js';
import type { DocumentsRequestedParams, RenderedEmail, RequestedDocumentLine } from '../types.js';
import { signatureHtml, signatureText } from './shared.js';

const line = (d: RequestedDocumentLine) => (d.dueDate ? `${d.label} (avant le ${formatDate(d.dueDate, 'fr')})` : d.label);

/** Documents requested after the folder went online: what is asked, and by when. */
export function documentsRequested(p: DocumentsRequestedParams): RenderedEmail {
  const intro =
    p.documents.length > 1
      ? `Votre notaire vous demande ${p.documents.length} nouveaux documents :`
      : 'Votre notaire vous demande un nouveau document :';
  return {
    subject: p.documents.length > 1 ? 'De nouveaux documents vous sont demandés' : 'Un nouveau document vous est demandé',
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
<p>${p.documents.length > 1 ? 'Déposez-les' : 'Déposez-le'} sur votre espace client sécurisé.</p>
${button(p.clientSpaceUrl, 'Accéder à la plateforme')}`,
      signature: signatureHtml(p.officeName),
    }),
  };
}
