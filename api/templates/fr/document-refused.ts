import { html } from '../html.js';
import { bulletList, button, layout, textList } from '../layout.js';
import type { DocumentRefusedParams, RenderedEmail } from '../types.js';
import { CLIENT_SPACE_BENEFITS, signatureHtml, signatureText } from './shared.js';

/** "Document refusé": the guide's e-mail, with the document, the notary's reason and a link to send it again. */
export function documentRefused(p: DocumentRefusedParams): RenderedEmail {
  const intro = "L'un des documents que vous avez transmis à votre notaire n'est pas conforme.";
  return {
    subject: 'Un document transmis à votre notaire n’est pas conforme',
    text: [
      `Bonjour ${p.recipientName},`,
      intro,
      `Document : ${p.documentLabel} (${p.fileName})${p.reason ? `\nMotif du refus : ${p.reason}` : ''}`,
      `Connectez-vous sur votre espace client en cliquant sur le lien ci-dessous pour :\n${textList(CLIENT_SPACE_BENEFITS)}`,
      `Renvoyer le document : ${p.reuploadUrl}`,
      signatureText(p.officeName),
    ].join('\n\n'),
    html: layout({
      language: 'fr',
      preheader: intro,
      body: html`<p><strong>Bonjour ${p.recipientName},</strong></p>
<p>${intro}</p>
<p style="background:#fef2f2;border-left:4px solid #b91c1c;padding:10px 14px;">Document : <strong>${p.documentLabel}</strong> (${p.fileName})${p.reason ? html`<br>Motif du refus : ${p.reason}` : ''}</p>
<p>Connectez-vous sur votre espace client en cliquant sur le lien ci-dessous pour :</p>
${bulletList(CLIENT_SPACE_BENEFITS)}
${button(p.reuploadUrl, 'Renvoyer le document')}`,
      signature: signatureHtml(p.officeName),
    }),
  };
}
