import { html } from '../html.js';
import { bulletList, button, layout, textList } from '../layout.js';
import type { RenderedEmail, UploadedFileLine, UploadsDigestParams } from '../types.js';
import { AUTOMATED_NOTICE } from './shared.js';

const line = (f: UploadedFileLine) => `${f.clientName}: ${f.documentLabel ?? 'extra document'} (${f.fileName})`;

export function uploadsDigest(p: UploadsDigestParams): RenderedEmail {
  const count = p.files.length;
  const intro =
    count > 1
      ? `${count} new documents were uploaded to file ${p.folderNumber} "${p.folderTitle}":`
      : `A new document was uploaded to file ${p.folderNumber} "${p.folderTitle}":`;
  return {
    subject: `File ${p.folderNumber}: ${count > 1 ? `${count} documents to review` : '1 document to review'}`,
    text: [`Hello ${p.recipientName},`, `${intro}\n${textList(p.files.map(line))}`, `Open the file: ${p.folderUrl}`, AUTOMATED_NOTICE].join(
      '\n\n',
    ),
    html: layout({
      language: 'en',
      preheader: intro,
      body: html`<p><strong>Hello ${p.recipientName},</strong></p>
<p>${intro}</p>
${bulletList(p.files.map(line))}
${button(p.folderUrl, 'Open the file')}`,
      signature: html`<p style="color:#6b7280;font-size:13px;">${AUTOMATED_NOTICE}</p>`,
    }),
  };
}
