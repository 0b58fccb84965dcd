import { html, type SafeHtml } from '../html.js';

/** What the client space offers, as the guide's e-mails list it. */
export const CLIENT_SPACE_BENEFITS = [
  'Déposer tous les documents demandés par votre notaire',
  'Transmettre tout document que vous jugerez opportun de communiquer',
  'Avoir un contact privilégié avec la personne en charge de votre dossier',
];

export function signatureText(officeName: string): string {
  return `Merci de votre confiance,\n\nVotre office notarial.\n${officeName}`;
}

export function signatureHtml(officeName: string): SafeHtml {
  return html`<p>Merci de votre confiance,</p><p>Votre office notarial.<br><strong>${officeName}</strong></p>`;
}

/** Sent by the platform, not by a person: say so, and say how to reach the office instead. */
export const AUTOMATED_NOTICE = 'Ce message est envoyé automatiquement par LeCoffre : merci de ne pas y répondre.';
