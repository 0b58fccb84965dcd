import { html } from '../html.js';
import { bulletList, button, formatDate, layout, textList } from '../layout.js';
import type { ReminderDocumentLine, RenderedEmail, RequestReminderParams } from '../types.js';
import { signatureHtml, signatureText } from './shared.js';

const line = (d: ReminderDocumentLine) =>
  d.overdue
    ? `${d.label} (expected on ${formatDate(d.dueDate, 'en')}, overdue)`
    : `${d.label} (expected by ${formatDate(d.dueDate, 'en')})`;

export function requestReminder(p: RequestReminderParams): RenderedEmail {
  const overdue = p.documents.some((d) => d.overdue);
  const intro = overdue
    ? 'Your notary is still waiting for the following documents, now past their date:'
    : 'Your notary expects the following documents soon:';
  return {
    subject: overdue ? 'Reminder: your notary is waiting for documents' : 'Reminder: documents to upload soon',
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
${button(p.clientSpaceUrl, 'Open the platform')}`,
      signature: signatureHtml(p.officeName),
    }),
  };
}

export function requestReminderSms(p: RequestReminderParams): string {
  const n = p.documents.length;
  return n > 1
    ? `${p.officeName}: ${n} documents are expected for your file. Upload them in your secure space: ${p.clientSpaceUrl}`
    : `${p.officeName}: a document is expected for your file. Upload it in your secure space: ${p.clientSpaceUrl}`;
}
