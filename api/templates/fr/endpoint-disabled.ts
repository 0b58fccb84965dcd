import { html } from '../html.js';
import { formatDate, layout } from '../layout.js';
import type { EndpointDisabledParams, RenderedEmail } from '../types.js';
import { AUTOMATED_NOTICE } from './shared.js';

/** To the office's notaries: a webhook endpoint of their drafting software no longer receives events. */
export function endpointDisabled(p: EndpointDisabledParams): RenderedEmail {
  const why =
    p.reason === 'gone'
      ? 'Le serveur destinataire a répondu que cette adresse n’existe plus (HTTP 410).'
      : `Toutes les tentatives d’envoi échouent depuis le ${formatDate(p.failingSince ?? new Date().toISOString(), 'fr', p.timeZone)}, soit plus de 5 jours.`;
  const intro = `L’envoi des événements de ${p.officeName} vers l’adresse ${p.endpointUrl} a été désactivé.`;
  const next =
    'Votre logiciel de rédaction d’actes ne reçoit plus les mises à jour de vos dossiers. Contactez son éditeur ; une fois le problème corrigé, réactivez l’adresse : les événements en attente seront alors envoyés.';
  return {
    subject: 'Webhook désactivé : votre logiciel ne reçoit plus les événements LeCoffre',
    text: [`Bonjour ${p.recipientName},`, intro, why, next, AUTOMATED_NOTICE].join('\n\n'),
    html: layout({
      language: 'fr',
      preheader: intro,
      body: html`<p><strong>Bonjour ${p.recipientName},</strong></p>
<p>${intro}</p>
<p>${why}</p>
<p>${next}</p>`,
      signature: html`<p style="color:#6b7280;font-size:13px;">${AUTOMATED_NOTICE}</p>`,
    }),
  };
}
