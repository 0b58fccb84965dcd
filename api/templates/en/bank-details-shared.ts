import { html } from '../html.js';
import { button, layout } from '../layout.js';
import type { BankDetailsSharedParams, RenderedEmail } from '../types.js';
import { signatureHtml, signatureText } from './shared.js';

/** The bank details are not in the e-mail, on purpose: see the French template. */
export function bankDetailsShared(p: BankDetailsSharedParams): RenderedEmail {
  const intro = `Your notary's office ${p.officeName} has put its bank details (RIB) in your secure client space.`;
  const warning =
    'For your safety they are not in this message: read them in your client space only, and ignore any bank details sent to you by e-mail or over the phone.';
  return {
    subject: `${p.officeName} has sent you its bank details`,
    text: [`Hello ${p.recipientName},`, intro, warning, `Open the platform: ${p.clientSpaceUrl}`, signatureText(p.officeName)].join('\n\n'),
    html: layout({
      language: 'en',
      preheader: intro,
      body: html`<p><strong>Hello ${p.recipientName},</strong></p>
<p>${intro}</p>
<p style="background:#fffbeb;border-left:4px solid #b45309;padding:10px 14px;">${warning}</p>
${button(p.clientSpaceUrl, 'Open the platform')}`,
      signature: signatureHtml(p.officeName),
    }),
  };
}
