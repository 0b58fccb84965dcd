import { html } from '../html.js';
import { button, layout } from '../layout.js';
import type { OfficeDocumentSharedParams, RenderedEmail } from '../types.js';
import { signatureHtml, signatureText } from './shared.js';

/** The document is not attached, on purpose: see the French template. */
export function officeDocumentShared(p: OfficeDocumentSharedParams): RenderedEmail {
  const intro = `Your notary's office ${p.officeName} has put a document in your secure client space: “${p.documentLabel}”.`;
  const where = 'For your safety it is not attached to this message: read and download it in your client space.';
  return {
    subject: `${p.officeName} has sent you a document`,
    text: [`Hello ${p.recipientName},`, intro, where, `Open the platform: ${p.clientSpaceUrl}`, signatureText(p.officeName)].join('\n\n'),
    html: layout({
      language: 'en',
      preheader: intro,
      body: html`<p><strong>Hello ${p.recipientName},</strong></p>
<p>${intro}</p>
<p>${where}</p>
${button(p.clientSpaceUrl, 'Open the platform')}`,
      signature: signatureHtml(p.officeName),
    }),
  };
}
