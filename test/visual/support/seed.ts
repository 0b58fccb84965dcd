/**
 * The suite's data, always the same: fixed folder numbers, titles, people, labels and file names, made
 * through the API as a vendor and a client would (the client's uploads with the client's own session).
 */
import { generateKeyPairSync } from 'node:crypto';
import { LocalDevAnchor } from '../../../api/adapters/anchor/local-dev-anchor.js';
import { runAnchorCycle } from '../../../api/services/anchoring/anchor-cycle.js';
import type { Scene } from './scene.js';

/** A real (tiny) PDF: the server checks magic bytes. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export const ID_CARD = "Carte Nationale d'Identité recto-verso";
export const FAMILY_BOOK = 'Livret de famille';
export const TAX_NOTICE = "Avis d'imposition N-2";
export const REFUSAL = 'Le verso de la carte est illisible : merci de renvoyer un scan net.';
export const LONG_EMAIL = 'marie-charlotte.de-la-tour-dauvergne@etude-notariale-exemple.fr';

export interface SeededFolder {
  id: string;
  number: string;
  title: string;
  clientId: string;
  requests: Record<string, string>;
}

interface FolderBody {
  id: string;
  clients: Array<{ id: string; firstName: string }>;
}

async function folderWithClient(
  scene: Scene,
  folder: { number: string; title: string; deedType: string },
  client: { firstName: string; lastName: string; email: string; mobile: string },
  labels: string[],
): Promise<SeededFolder> {
  const { id } = await scene.call<FolderBody>('POST', '/v1/folders', folder);
  const added = await scene.call<{ client: { id: string } }>('POST', `/v1/folders/${id}/clients`, { client });
  const clientId = added.client.id;
  const requests: Record<string, string> = {};
  if (labels.length) {
    const created = await scene.call<{ data: Array<{ id: string; label: string }> }>('POST', `/v1/folders/${id}/document-requests`, {
      clientId,
      documents: labels.map((label) => ({ label })),
    });
    for (const request of created.data) requests[request.label] = request.id;
  }
  return { id, ...folder, clientId, requests };
}

/** Uploads `name` for a request, as the client (their own session); answers the file's id. */
export async function uploadAsClient(scene: Scene, folder: SeededFolder, label: string, name: string): Promise<string> {
  const token = await scene.session({ kind: 'client', officeId: scene.officeId, clientId: folder.clientId });
  const res = await scene.t.request
    .post(`/v1/document-requests/${folder.requests[label]}/documents`)
    .set('Authorization', `Bearer ${token}`)
    .attach('file', PDF, { filename: name });
  if (res.status !== 201) throw new Error(`upload ${name} -> ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data[0].id as string;
}

/**
 * The office's folders: one in review (a refused card, a family book to review, a tax notice awaited, an
 * extra document, a second client with a long e-mail address, an office document shared), one anchored,
 * one just opened with nobody in it.
 */
export async function seedOffice(scene: Scene): Promise<{ review: SeededFolder; anchored: SeededFolder; fresh: SeededFolder }> {
  const review = await folderWithClient(
    scene,
    { number: '2026-0142', title: 'Succession Michou', deedType: 'succession' },
    { firstName: 'Claire', lastName: 'Michou', email: 'claire.michou@example.fr', mobile: '06 26 59 72 92' },
    [ID_CARD, FAMILY_BOOK, TAX_NOTICE],
  );
  await scene.call('POST', `/v1/folders/${review.id}/clients`, {
    client: { firstName: 'Marie-Charlotte', lastName: 'de La Tour d’Auvergne', email: LONG_EMAIL, mobile: '06 11 22 33 44' },
  });
  const card = await uploadAsClient(scene, review, ID_CARD, 'cni-claire-michou.pdf');
  await scene.call('POST', `/v1/documents/${card}/refuse`, { reason: REFUSAL });
  await uploadAsClient(scene, review, FAMILY_BOOK, 'livret-de-famille.pdf');
  const clientToken = await scene.session({ kind: 'client', officeId: scene.officeId, clientId: review.clientId });
  const extra = await scene.t.request
    .post(`/v1/folders/${review.id}/extra-documents`)
    .set('Authorization', `Bearer ${clientToken}`)
    .attach('file', PDF, { filename: 'attestation-employeur.pdf' });
  if (extra.status !== 201) throw new Error(`extra file -> ${extra.status} ${JSON.stringify(extra.body)}`);
  const shared = await scene.t.request
    .post(`/v1/folders/${review.id}/shared-files`)
    .set('Authorization', `Bearer ${scene.apiKey}`)
    .field('label', 'Projet d’acte de notoriété')
    .attach('file', PDF, { filename: 'projet-acte.pdf' });
  if (shared.status !== 201) throw new Error(`shared file -> ${shared.status} ${JSON.stringify(shared.body)}`);

  const anchored = await folderWithClient(
    scene,
    { number: '2026-0117', title: 'Vente Dupont / Leroy', deedType: 'vente' },
    { firstName: 'Paul', lastName: 'Dupont', email: 'paul.dupont@example.fr', mobile: '06 98 76 54 32' },
    ['Titre de propriété', ID_CARD],
  );
  for (const [label, name] of [
    ['Titre de propriété', 'titre-propriete.pdf'],
    [ID_CARD, 'cni-paul-dupont.pdf'],
  ] as const) {
    const file = await uploadAsClient(scene, anchored, label, name);
    await scene.call('POST', `/v1/documents/${file}/validate`);
  }
  await scene.call('POST', `/v1/folders/${anchored.id}/anchor`);
  await runAnchorCycle({
    db: scene.t.db,
    anchor: new LocalDevAnchor({ privateKey: generateKeyPairSync('ed25519').privateKey }),
    maxBatch: 10,
  });

  const freshFolder = { number: '2026-0155', title: 'Donation Lefèvre', deedType: 'donation' };
  const fresh: SeededFolder = {
    ...freshFolder,
    id: (await scene.call<FolderBody>('POST', '/v1/folders', freshFolder)).id,
    clientId: '',
    requests: {},
  };
  return { review, anchored, fresh };
}
