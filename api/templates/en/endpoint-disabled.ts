import { html } from '../html.js';
import { formatDate, layout } from '../layout.js';
import type { EndpointDisabledParams, RenderedEmail } from '../types.js';
import { AUTOMATED_NOTICE } from './shared.js';

export function endpointDisabled(p: EndpointDisabledParams): RenderedEmail {
  const why =
    p.reason === 'gone'
      ? 'The receiving server answered that this address no longer exists (HTTP 410).'
      : `Every delivery attempt has failed since ${formatDate(p.failingSince ?? new Date().toISOString(), 'en', p.timeZone)}, more than 5 days.`;
  const intro = `Sending ${p.officeName}'s events to ${p.endpointUrl} has been turned off.`;
  const next =
    'Your drafting software no longer receives updates of your files. Contact its vendor; once the problem is fixed, turn the address back on: the events waiting will then be sent.';
  return {
    subject: 'Webhook turned off: your software no longer receives LeCoffre events',
    text: [`Hello ${p.recipientName},`, intro, why, next, AUTOMATED_NOTICE].join('\n\n'),
    html: layout({
      language: 'en',
      preheader: intro,
      body: html`<p><strong>Hello ${p.recipientName},</strong></p>
<p>${intro}</p>
<p>${why}</p>
<p>${next}</p>`,
      signature: html`<p style="color:#6b7280;font-size:13px;">${AUTOMATED_NOTICE}</p>`,
    }),
  };
}
