import { html } from '../html.js';
import { bulletList, button, layout, textList } from '../layout.js';
import type { RenderedEmail, UploadedFileLine, UploadsDigestParams } from '../types.js';
import { AUTOMATED_NOTICE } from './shared.js';

const line = (f: UploadedFileLine) => `${f.clientName} : ${f.documentLabel ?? 'document supplémentaire'} (${f.fileName})`;

/** To the office's members: what clients sent to one folder since the last such e-mail (at most one per 15 min). */
export function uploadsDigest(p: UploadsDigestParams): RenderedEmail {
  const count = p.files.length;
  const intro =
    count > 1
      ? `${count} nouveaux documents ont été déposés sur le dossier ${p.folderNumber} « ${p.folderTitle} » :`
      : `Un nouveau document a été déposé sur le dossier ${p.folderNumber} « ${p.folderTitle} » :`;
  return {
    subject: `Dossier ${p.folderNumber} : ${count > 1 ? `${count} documents à valider` : '1 document à valider'}`,
    text: [
      `Bonjour ${p.recipientName},`,
      `${intro}\n${textList(p.files.map(line))}`,
      `Voir le dossier : ${p.folderUrl}`,
      AUTOMATED_NOTICE,
    ].join('\n\n'),
    html: layout({
      language: 'fr',
      preheader: intro,
      body: html`<p><strong>Bonjour ${p.recipientName},</strong></p>
<p>${intro}</p>
${bulletList(p.files.map(line))}
${button(p.folderUrl, 'Voir le dossier')}`,
      signature: html`<p style="color:#6b7280;font-size:13px;">${AUTOMATED_NOTICE}</p>`,
    }),
  };
}
