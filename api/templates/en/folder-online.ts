import { html } from '../html.js';
import { bulletList, button, layout, textList } from '../layout.js';
import type { FolderOnlineParams, RenderedEmail } from '../types.js';
import { CLIENT_SPACE_BENEFITS, signatureHtml, signatureText } from './shared.js';

export function folderOnline(p: FolderOnlineParams): RenderedEmail {
  const intro = `I am pleased to let you know that your file has been put online by your notary's office ${p.officeName}, in your client space at the link below.`;
  return {
    subject: `Your file is now online with ${p.officeName}`,
    text: [
      `Hello ${p.recipientName},`,
      intro,
      `This secure space lets you:\n${textList(CLIENT_SPACE_BENEFITS)}`,
      `Open the platform: ${p.clientSpaceUrl}`,
      signatureText(p.officeName),
    ].join('\n\n'),
    html: layout({
      language: 'en',
      preheader: `Your file is now online with ${p.officeName}`,
      body: html`<p><strong>Hello ${p.recipientName},</strong></p>
<p>${intro}</p>
<p>This secure space lets you:</p>
${bulletList(CLIENT_SPACE_BENEFITS)}
${button(p.clientSpaceUrl, 'Open the platform')}`,
      signature: signatureHtml(p.officeName),
    }),
  };
}
