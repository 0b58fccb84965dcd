import { html } from '../html.js';
import { button, layout } from '../layout.js';
import type { BankDetailsSharedParams, RenderedEmail } from '../types.js';
import { signatureHtml, signatureText } from './shared.js';

/**
 * "RIB transmis". The bank details themselves are NOT in the e-mail: an e-mail can be forged or
 * altered on the way, which is how RIB substitution fraud works. The client reads them on the secure space.
 */
export function bankDetailsShared(p: BankDetailsSharedParams): RenderedEmail {
  const intro = `Votre office ${p.officeName} a déposé ses coordonnées bancaires (RIB) sur votre espace client sécurisé.`;
  const warning =
    'Pour votre sécurité, elles ne figurent pas dans ce message : consultez-les uniquement sur votre espace client, et ne tenez compte d’aucun RIB reçu par e-mail ou par téléphone.';
  return {
    subject: `${p.officeName} vous a transmis son RIB`,
    text: [
      `Bonjour ${p.recipientName},`,
      intro,
      warning,
      `Accéder à la plateforme : ${p.clientSpaceUrl}`,
      signatureText(p.officeName),
    ].join('\n\n'),
    html: layout({
      language: 'fr',
      preheader: intro,
      body: html`<p><strong>Bonjour ${p.recipientName},</strong></p>
<p>${intro}</p>
<p style="background:#fffbeb;border-left:4px solid #b45309;padding:10px 14px;">${warning}</p>
${button(p.clientSpaceUrl, 'Accéder à la plateforme')}`,
      signature: signatureHtml(p.officeName),
    }),
  };
}
