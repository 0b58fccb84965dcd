import { html } from '../html.js';
import { bulletList, button, layout, textList } from '../layout.js';
import type { DocumentRefusedParams, RenderedEmail } from '../types.js';
import { CLIENT_SPACE_BENEFITS, signatureHtml, signatureText } from './shared.js';

export function documentRefused(p: DocumentRefusedParams): RenderedEmail {
  const intro = 'One of the documents you sent to your notary could not be accepted.';
  return {
    subject: 'A document you sent to your notary could not be accepted',
    text: [
      `Hello ${p.recipientName},`,
      intro,
      `Document: ${p.documentLabel} (${p.fileName})${p.reason ? `\nReason: ${p.reason}` : ''}`,
      `Sign in to your client space with the link below to:\n${textList(CLIENT_SPACE_BENEFITS)}`,
      `Send the document again: ${p.reuploadUrl}`,
      signatureText(p.officeName),
    ].join('\n\n'),
    html: layout({
      language: 'en',
      preheader: intro,
      body: html`<p><strong>Hello ${p.recipientName},</strong></p>
<p>${intro}</p>
<p style="background:#fef2f2;border-left:4px solid #b91c1c;padding:10px 14px;">Document: <strong>${p.documentLabel}</strong> (${p.fileName})${p.reason ? html`<br>Reason: ${p.reason}` : ''}</p>
<p>Sign in to your client space with the link below to:</p>
${bulletList(CLIENT_SPACE_BENEFITS)}
${button(p.reuploadUrl, 'Send the document again')}`,
      signature: signatureHtml(p.officeName),
    }),
  };
}
