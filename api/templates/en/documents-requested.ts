import { html } from '../html.js';
import { bulletList, button, formatDate, layout, textList } from '../layout.js';
import type { DocumentsRequestedParams, RenderedEmail, RequestedDocumentLine } from '../types.js';
import { signatureHtml, signatureText } from './shared.js';

const line = (d: RequestedDocumentLine) => (d.dueDate ? `${d.label} (by ${formatDate(d.dueDate, 'en')})` : d.label);

export function documentsRequested(p: DocumentsRequestedParams): RenderedEmail {
  const intro =
    p.documents.length > 1
      ? `Your notary asks you for ${p.documents.length} more documents:`
      : 'Your notary asks you for one more document:';
  return {
    subject: p.documents.length > 1 ? 'Your notary asks for more documents' : 'Your notary asks for one more document',
    text: [
      `Hello ${p.recipientName},`,
      `${intro}\n${textList(p.documents.map(line))}`,
      `${p.documents.length > 1 ? 'Upload them' : 'Upload it'} in your secure client space: ${p.clientSpaceUrl}`,
      signatureText(p.officeName),
    ].join('\n\n'),
    html: layout({
      language: 'en',
      preheader: intro,
      body: html`<p><strong>Hello ${p.recipientName},</strong></p>
<p>${intro}</p>
${bulletList(p.documents.map(line))}
<p>${p.documents.length > 1 ? 'Upload them' : 'Upload it'} in your secure client space.</p>
${button(p.clientSpaceUrl, 'Open the platform')}`,
      signature: signatureHtml(p.officeName),
    }),
  };
}
