/**
 * Pictures of /app, the notary console (see test/visual/README.md for what each capture guards).
 */
import { after, before, describe, it } from 'node:test';
import { Captures, DESKTOP, PHONE } from './support/capture.js';
import { memberOf, openScene, type Scene } from './support/scene.js';
import { FAMILY_BOOK, type SeededFolder, seedOffice } from './support/seed.js';

let scene: Scene;
let folders: { review: SeededFolder; anchored: SeededFolder; fresh: SeededFolder };

before(async () => {
  scene = await openScene();
  folders = await seedOffice(scene);
});
after(() => scene?.close());

describe('screenshots of /app', () => {
  it('the folder list: empty, filled, and the create-folder form', async () => {
    const shots = new Captures();
    const empty = await scene.page(PHONE, await memberOf(scene, 'v.villecourt.44999@notaires.fr'));
    await empty.goto(`${scene.t.baseUrl}/app`);
    await empty.locator('lecoffre-app-console header').getByText('Vincent Villecourt').waitFor();
    await shots.shoot(empty, 'app-list-empty');

    const page = await scene.page(PHONE, await memberOf(scene, 'c.pallut.35026@notaires.fr'));
    await page.goto(`${scene.t.baseUrl}/app`);
    await page.locator('lecoffre-folder-list button[data-folder-id]').filter({ hasText: folders.fresh.title }).waitFor();
    await shots.shoot(page, 'app-list-filled-completion-tabs');

    await page.goto(`${scene.t.baseUrl}/app/nouveau`);
    await page.getByLabel('Numéro de dossier').waitFor();
    await shots.shoot(page, 'app-create-folder-form-access-radios');

    await page.goto(`${scene.t.baseUrl}/app/office`);
    await page.getByLabel('Fuseau horaire de l’office').waitFor();
    await shots.shoot(page, 'app-office-settings-time-zone');
    shots.assertClean();
  });

  it('a folder in review: refused file, file to review, long e-mail, extras, shared document; the viewer', async () => {
    const shots = new Captures();
    const page = await scene.page(DESKTOP, await memberOf(scene, 'c.pallut.35026@notaires.fr'));
    await page.goto(`${scene.t.baseUrl}/app/dossiers/${folders.review.id}`);
    await page.locator('lecoffre-folder lecoffre-folder-client').first().waitFor();
    await shots.shoot(page, 'app-folder-review-refused-pencils-long-email-add-client');

    // A field's editor open (no wider than a phone), and the office's document form with a file chosen
    // through its own control (French, not the browser's "Choose File").
    const titleEditor = page.getByRole('textbox', { name: 'Intitulé du dossier', exact: true });
    await shots.shoot(page, 'app-folder-field-editor-office-document-chosen', {
      prepare: async () => {
        if (!(await titleEditor.isVisible())) await page.getByRole('button', { name: 'Modifier : Intitulé du dossier' }).click();
        await titleEditor.waitFor();
        await page.locator('lecoffre-folder-shared input[type=file]').setInputFiles({
          name: 'projet-acte.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
        });
        await page.locator('lecoffre-folder-shared').getByText('projet-acte.pdf').waitFor();
      },
    });
    await titleEditor.press('Escape');

    const openViewer = async () => {
      if (await page.getByRole('dialog', { name: /^Document : / }).isVisible()) return;
      await page
        .getByRole('button', { name: new RegExp(`Ouvrir ${FAMILY_BOOK}`) })
        .first()
        .click();
      await page
        .getByRole('dialog', { name: /^Document : / })
        .locator('iframe[src^="blob:"]')
        .waitFor();
    };
    await shots.shoot(page, 'app-folder-viewer-title-buttons', {
      viewportOnly: true,
      prepare: openViewer,
      mask: (p) => [p.getByRole('dialog', { name: /^Document : / }).locator('iframe')],
    });
    await page.keyboard.press('Escape');

    await page.goto(`${scene.t.baseUrl}/app/dossiers/${folders.fresh.id}`);
    await page.locator('lecoffre-folder button[data-action=add-client]').waitFor();
    await shots.shoot(page, 'app-folder-empty-no-client');

    await page.goto(`${scene.t.baseUrl}/app/dossiers/${folders.anchored.id}`);
    await page.locator('lecoffre-folder-anchor button[data-action=proof]').waitFor();
    await shots.shoot(page, 'app-folder-anchored-archive-wording');
    shots.assertClean();
  });
});
