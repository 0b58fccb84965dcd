import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messagesIn, type RenderedEmail } from './index.js';

const salutation = { recipientName: 'Claire Michou', officeName: 'SELAS AP NOTAIRES' };
const url = 'https://lecoffre.example/espace-client';

/** Every message, with parameters a test can recognise in the output. */
function everyMessage(language: 'fr' | 'en'): Record<string, RenderedEmail> {
  const m = messagesIn(language);
  return {
    folderOnline: m.folderOnline({ ...salutation, clientSpaceUrl: url }),
    documentsRequested: m.documentsRequested({
      ...salutation,
      clientSpaceUrl: url,
      documents: [{ label: 'Livret de famille', dueDate: '2024-06-30' }],
    }),
    documentRefused: m.documentRefused({
      ...salutation,
      documentLabel: 'CNI',
      fileName: 'cni.jpg',
      reason: 'Illisible',
      reuploadUrl: `${url}/dossiers/f/demandes/r`,
    }),
    bankDetailsShared: m.bankDetailsShared({ ...salutation, clientSpaceUrl: url }),
    officeDocumentShared: m.officeDocumentShared({ ...salutation, clientSpaceUrl: url, documentLabel: 'Projet d’acte' }),
    uploadsDigest: m.uploadsDigest({
      ...salutation,
      folderNumber: '3',
      folderTitle: 'Succession',
      folderUrl: 'https://lecoffre.example/console/dossiers/f',
      files: [{ clientName: 'Claire Michou', documentLabel: null, fileName: 'a.pdf' }],
    }),
    requestReminder: m.requestReminder({
      ...salutation,
      clientSpaceUrl: url,
      documents: [{ label: 'RIB', dueDate: '2024-06-01', overdue: true }],
    }),
    endpointDisabled: m.endpointDisabled({
      ...salutation,
      endpointUrl: 'https://hooks.example/x',
      reason: 'failing',
      failingSince: '2024-06-01T08:00:00Z',
    }),
  };
}

describe('message templates', () => {
  for (const language of ['fr', 'en'] as const) {
    it(`renders every message in ${language} with a subject, a text part and an HTML part that agree`, () => {
      for (const [name, email] of Object.entries(everyMessage(language))) {
        assert.ok(email.subject.length > 5, name);
        assert.ok(
          email.text.startsWith(language === 'fr' ? 'Bonjour Claire Michou,' : 'Hello Claire Michou,'),
          `${name}: ${email.text.slice(0, 30)}`,
        );
        assert.match(email.html, new RegExp(`^<!doctype html>\\n<html lang="${language}">`), name);
        for (const href of email.html.matchAll(/href="([^"]+)"/g))
          assert.ok(email.text.includes(href[1]), `${name}: ${href[1]} in the text part too`);
      }
    });
  }

  it('speaks French unless the recipient reads English', () => {
    assert.equal(
      messagesIn(undefined).folderOnline({ ...salutation, clientSpaceUrl: url }).subject,
      'Votre dossier a été mis en ligne par SELAS AP NOTAIRES',
    );
    assert.equal(
      messagesIn('en').folderOnline({ ...salutation, clientSpaceUrl: url }).subject,
      'Your file is now online with SELAS AP NOTAIRES',
    );
    assert.match(everyMessage('fr').documentsRequested.text, /Livret de famille \(avant le 30\/06\/2024\)/);
    assert.match(everyMessage('en').documentsRequested.text, /Livret de famille \(by 30 June 2024\)/);
  });

  it('keeps the SMS reminder short and free of document names', () => {
    const sms = messagesIn('fr').requestReminderSms({
      ...salutation,
      clientSpaceUrl: url,
      documents: [{ label: 'RIB', dueDate: '2024-06-01', overdue: true }],
    });
    assert.equal(sms, `SELAS AP NOTAIRES : un document est attendu pour votre dossier. Déposez-le sur votre espace sécurisé : ${url}`);
    assert.ok(sms.length <= 160, `${sms.length} characters: one SMS`);
  });
});
