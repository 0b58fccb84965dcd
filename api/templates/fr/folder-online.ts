import { html } from '../html.js';
import { bulletList, button, layout, textList } from '../layout.js';
import type { FolderOnlineParams, RenderedEmail } from '../types.js';
import { CLIENT_SPACE_BENEFITS, signatureHtml, signatureText } from './shared.js';

/** "Dossier mis en ligne": the guide's e-mail, word for word. */
export function folderOnline(p: FolderOnlineParams): RenderedEmail {
  const intro = `J'ai le plaisir de vous informer que votre dossier a bien été mis en ligne par votre office ${p.officeName} sur votre espace client accessible via le lien ci-dessous.`;
  return {
    subject: `Votre dossier a été mis en ligne par ${p.officeName}`,
    text: [
      `Bonjour ${p.recipientName},`,
      intro,
      `Cet espace sécurisé vous permet de :\n${textList(CLIENT_SPACE_BENEFITS)}`,
      `Accéder à la plateforme : ${p.clientSpaceUrl}`,
      signatureText(p.officeName),
    ].join('\n\n'),
    html: layout({
      language: 'fr',
      preheader: `Votre dossier a été mis en ligne par ${p.officeName}`,
      body: html`<p><strong>Bonjour ${p.recipientName},</strong></p>
<p>${intro}</p>
<p>Cet espace sécurisé vous permet de :</p>
${bulletList(CLIENT_SPACE_BENEFITS)}
${button(p.clientSpaceUrl, 'Accéder à la plateforme')}`,
      signature: signatureHtml(p.officeName),
    }),
  };
}
