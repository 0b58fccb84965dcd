import { html, type SafeHtml } from '../html.js';

export const CLIENT_SPACE_BENEFITS = [
  'Upload every document your notary asks for',
  'Send any other document you think useful',
  'Keep in direct touch with the person handling your file',
];

export function signatureText(officeName: string): string {
  return `Thank you for your trust,\n\nYour notary's office.\n${officeName}`;
}

export function signatureHtml(officeName: string): SafeHtml {
  return html`<p>Thank you for your trust,</p><p>Your notary's office.<br><strong>${officeName}</strong></p>`;
}

export const AUTOMATED_NOTICE = 'This message was sent automatically by LeCoffre: please do not reply to it.';
