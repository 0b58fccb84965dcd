/**
 * Pictures of /espace-client, the client's page (see test/visual/README.md for what each capture guards).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Route } from 'playwright-core';
import { eventually } from '../support/patience.js';
import { Captures, PHONE } from './support/capture.js';
import { openScene, type Scene } from './support/scene.js';
import { FAMILY_BOOK, PDF, type SeededFolder, seedOffice, TAX_NOTICE } from './support/seed.js';

let scene: Scene;
let folders: { review: SeededFolder; anchored: SeededFolder; fresh: SeededFolder };

before(async () => {
  scene = await openScene();
  folders = await seedOffice(scene);
});
after(() => scene?.close());

const space = (path: string) => `${scene.t.baseUrl}/espace-client/dossiers/${path}`;
const asClient = (folder: SeededFolder) => ({ kind: 'client' as const, officeId: scene.officeId, clientId: folder.clientId });

async function smsCode(mobile: string): Promise<string> {
  return eventually(`an SMS to ${mobile}`, async () => {
    const res = await scene.t.request.get(`/dev/outbox?to=${encodeURIComponent(mobile)}`);
    const messages = res.body.data as Array<{ text: string }>;
    return messages.length ? /code de connexion est (\d{6})\./.exec(messages[0].text)?.[1] : undefined;
  });
}

describe('screenshots of /espace-client', () => {
  it('signing in: e-mail (empty, then sent), SMS code, password', async () => {
    const shots = new Captures();
    const page = await scene.page(PHONE);
    await page.goto(space(`${folders.review.id}/demandes/${folders.review.requests[FAMILY_BOOK]}`));
    const app = page.locator('lecoffre-client-space');
    await app.getByRole('heading', { name: 'Identifiez-vous' }).waitFor();
    await shots.shoot(page, 'client-sign-in-email');
    await app.getByRole('button', { name: 'Suivant' }).click();
    await shots.shoot(page, 'client-sign-in-empty-email-validation');

    await app.getByLabel('Adresse e-mail').fill('claire.michou@example.fr');
    await app.getByRole('button', { name: 'Suivant' }).click();
    await app.getByRole('heading', { name: 'Saisissez votre code' }).waitFor();
    const code = await smsCode('+33626597292');
    await shots.shoot(page, 'client-sms-code-phone-wording');

    await app.getByLabel(/Code à usage unique/).fill(code);
    await app.getByRole('button', { name: 'Suivant' }).click();
    await app.getByRole('heading', { name: 'Configurez votre mot de passe' }).waitFor();
    await shots.shoot(page, 'client-set-password');
    shots.assertClean();
  });

  it('the requests: to upload, refused with badges and an office document, all validated, an upload in progress', async () => {
    const shots = new Captures();
    const review = await scene.page(PHONE, asClient(folders.review));
    await review.goto(space(folders.review.id));
    await review.locator('lecoffre-upload article[data-request-id]').filter({ hasText: TAX_NOTICE }).waitFor();
    await shots.shoot(review, 'client-refused-state-badges-office-header-shared-file');

    const done = await scene.page(PHONE, asClient(folders.anchored));
    await done.goto(space(folders.anchored.id));
    await done.locator('lecoffre-upload article[data-request-id]').first().waitFor();
    await shots.shoot(done, 'client-all-validated');

    // The upload is held at the server's door: the page shows its progress until the answer comes.
    const held: Route[] = [];
    const upload = await scene.page(PHONE, asClient(folders.review));
    await upload.route('**/v1/document-requests/*/documents**', (route) => {
      held.push(route);
    });
    await upload.goto(space(folders.review.id));
    const card = upload.locator('lecoffre-upload article[data-request-id]').filter({ hasText: TAX_NOTICE });
    await card.locator('input[type=file]').setInputFiles({ name: 'avis-imposition.pdf', mimeType: 'application/pdf', buffer: PDF });
    await eventually('the upload request', () => held.length > 0);
    await card.getByText('avis-imposition.pdf').waitFor();
    await shots.shoot(upload, 'client-upload-in-progress', { widths: [PHONE], held: /\/v1\/document-requests\/[^/]+\/documents/ });
    assert.equal(held.length, 1);
    shots.assertClean();
  });
});
