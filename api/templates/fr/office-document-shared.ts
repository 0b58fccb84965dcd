import { html } from '../html.js';
import { button, layout } from '../layout.js';
import type { OfficeDocumentSharedParams, RenderedEmail } from '../types.js';
import { signatureHtml, signatureText } from './shared.js';

/** "Document transmis": the office put one of its documents on the client's secure space (never attached). */
export function officeDocumentShared(p: OfficeDocumentSharedParams): RenderedEmail {
  const intro = `Votre office ${p.officeName} a déposé un document sur votre espace client sécurisé : « ${p.documentLabel} ».`;
  const where = 'Pour votre sécurité, il n’est pas joint à ce message : consultez-le et téléchargez-le sur votre espace client.';
  return {
    subject: `${p.officeName} vous a transmis un document`,
    text: [`Bonjour ${p.recipientName},`, intro, where, `Accéder à la plateforme : ${p.clientSpaceUrl}`, signatureText(p.officeName)].join(
      '\n\n',
    ),
    html: layout({
      language: 'fr',
      preheader: intro,
      body: html`<p><strong>Bonjour ${p.recipientName},</strong></p>
<p>${intro}</p>
<p>${where}</p>
${button(p.clientSpaceUrl, 'Accéder à la plateforme')}`,
      signature: signatureHtml(p.officeName),
    }),
  };
}
