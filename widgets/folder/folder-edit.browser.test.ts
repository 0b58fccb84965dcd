import type { Client, Folder } from '@lecoffre/sdk';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations, deepActiveElement, officeApi, setNetwork, waitFor } from '../core/test-fixtures.js';
import { buttonNamed, clientCard, deepQueryAll, deepText, eventually, mountFolder, notarySession, openDialog } from './test-helpers.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;

const folderFromApi = (id: string) => officeApi<Folder>('GET', `/v1/folders/${id}`);

function fill(dialog: HTMLDialogElement, values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) {
    const input = dialog.querySelector<HTMLInputElement>(`#${id}`);
    if (!input) throw new Error(`no field #${id}`);
    input.value = value;
  }
}

describe('<lecoffre-folder> editing', () => {
  it('edits the title in place with the keyboard alone: pencil, type, Enter; Escape gives up', async () => {
    const { el, folder } = await mountFolder();
    const pencil = buttonNamed(el, 'Modifier : Intitulé du dossier') as HTMLButtonElement;
    pencil.focus();
    await sendKeys({ press: 'Enter' });
    const input = await waitFor(() => {
      const active = deepActiveElement();
      return active instanceof HTMLInputElement && active;
    }, 'the title field focused');
    expect(input.value).to.equal('Succession Pallut');
    input.select();
    await sendKeys({ type: 'Succession Michou' });
    await sendKeys({ press: 'Enter' });
    await eventually(async () => (await folderFromApi(folder.folderId)).title === 'Succession Michou', 'the title saved');
    await waitFor(() => deepText(el).includes(`${folder.folderNumber} - Succession Michou`), 'the new title shown');
    expect(deepActiveElement()?.getAttribute('aria-label')).to.equal('Modifier : Intitulé du dossier');

    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement() instanceof HTMLInputElement, 'the editor again');
    await sendKeys({ type: ' (brouillon)' });
    await sendKeys({ press: 'Escape' });
    await waitFor(() => deepActiveElement()?.getAttribute('aria-label') === 'Modifier : Intitulé du dossier', 'focus back on the pencil');
    expect((await folderFromApi(folder.folderId)).title).to.equal('Succession Michou');
  });

  it('changes the deed type from the catalogue’s list', async () => {
    const { el, folder } = await mountFolder();
    buttonNamed(el, 'Modifier : Type d’acte')?.click();
    const select = await waitFor(() => deepQueryAll<HTMLSelectElement>(el, 'select[name="value"]')[0], 'the deed types');
    expect([...select.options].map((option) => option.value)).to.include.members(['succession', 'vente']);
    expect(select.value).to.equal('succession');
    select.value = 'vente';
    buttonNamed(el, 'Enregistrer')?.click();
    await eventually(async () => (await folderFromApi(folder.folderId)).deedType.code === 'vente', 'the deed type saved');
    await waitFor(() => !deepQueryAll(el, 'select[name="value"]').length, 'the editor closed');
    expect(deepText(el)).to.contain('Type d’acte Vente');
  });

  it('does not overwrite a colleague’s edit: 412, reloaded, told why', async () => {
    // The colleague's change must not reach the element before its save, as when the live stream lags:
    // had the element heard it first, it would have read the folder again and saved without a conflict.
    // So the live streams' requests are held on the line until the end.
    await setNetwork(true, { hold: '/live HTTP/1.1' });
    try {
      const { el, folder, events } = await mountFolder();
      await officeApi('PATCH', `/v1/folders/${folder.folderId}`, { title: 'Titre changé par un collègue' });
      buttonNamed(el, 'Modifier : Note dossier')?.click();
      const note = await waitFor(() => deepQueryAll<HTMLTextAreaElement>(el, 'textarea')[0], 'the note editor');
      note.value = 'Rendez-vous de signature le 12 mai.';
      buttonNamed(el, 'Enregistrer')?.click();
      await waitFor(() => deepText(el).includes('Ce dossier a été modifié entre-temps'), 'the conflict explained');
      await waitFor(() => deepText(el).includes('Titre changé par un collègue'), 'the colleague’s title shown');
      expect((await folderFromApi(folder.folderId)).note).to.equal('');
      expect(events.find((event) => event.type === 'lecoffre-error')?.detail.status).to.equal(412);
    } finally {
      await setNetwork(true);
    }
  });

  it('adds a new client, after the mobile-number warning', async () => {
    const { el, folder } = await mountFolder();
    buttonNamed(el, 'Ajouter un client +')?.click();
    const dialog = await waitFor(() => openDialog(el, 'lecoffre-folder-client-dialog'), 'the dialog');
    const [, fresh] = [...dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    fresh.click();
    await waitFor(() => dialog.querySelector('#lastName'), 'the new-client form');
    expect(deepText(dialog)).to.contain('code reçu par SMS');
    expect(await axeViolations(el)).to.deep.equal([]);
    fill(dialog, { lastName: 'Martin', firstName: 'Julie', mobile: '06 12 34 56 78', email: `julie.${Date.now()}@example.fr` });
    buttonNamed(dialog, 'Associer au dossier')?.click();
    await waitFor(() => deepQueryAll(el, 'lecoffre-folder-client').length === 2, 'the second client card').catch((error: Error) => {
      throw new Error(`${error.message}: ${deepText(dialog)}`);
    });
    expect(deepText(clientCard(el, 'Julie Martin'))).to.contain('06 12 34 56 78');
    expect((await folderFromApi(folder.folderId)).clients.map((client) => client.lastName)).to.have.members(['Pallut', 'Martin']);
  });

  it('adds an existing client of the office, found by name', async () => {
    const { el, folder } = await mountFolder();
    const lastName = `Existant${Date.now()}`;
    await officeApi<Client>('POST', '/v1/clients', {
      lastName,
      firstName: 'Paul',
      mobile: '06 11 22 33 44',
      email: `${lastName.toLowerCase()}@example.fr`,
    });
    buttonNamed(el, 'Ajouter un client +')?.click();
    const dialog = await waitFor(() => openDialog(el, 'lecoffre-folder-client-dialog'), 'the dialog');
    const search = await waitFor(() => dialog.querySelector<HTMLInputElement>('#search'), 'the search field');
    search.value = lastName.toLowerCase();
    search.dispatchEvent(new Event('input'));
    const box = await waitFor(
      () =>
        [...dialog.querySelectorAll<HTMLInputElement>('input[name="clientId"]')].find((input) =>
          deepText(input.parentElement as HTMLElement).includes(lastName),
        ),
      'the client found',
    );
    box.click();
    buttonNamed(dialog, 'Associer au dossier')?.click();
    await waitFor(() => deepQueryAll(el, 'lecoffre-folder-client').length === 2, 'the second client card');
    expect((await folderFromApi(folder.folderId)).clients.map((client) => client.lastName)).to.include(lastName);
  });

  it('edits a client with the pencil, and removes one after confirmation', async () => {
    const { el, folder } = await mountFolder();
    buttonNamed(el, 'Modifier le client Caroline Pallut')?.click();
    const dialog = await waitFor(() => openDialog(el, 'lecoffre-folder-client-dialog'), 'the edit dialog');
    fill(dialog, { firstName: 'Claire' });
    buttonNamed(dialog, 'Enregistrer')?.click();
    await waitFor(() => deepText(el).includes('Claire Pallut'), 'the new first name');

    buttonNamed(el, 'Retirer Claire Pallut du dossier')?.click();
    const confirm = await waitFor(() => openDialog(el, 'lecoffre-folder-confirm'), 'the confirmation');
    buttonNamed(confirm, 'Retirer')?.click();
    await waitFor(() => deepText(el).includes('Aucun client n’est associé au dossier.'), 'the client gone');
    expect((await folderFromApi(folder.folderId)).clients).to.deep.equal([]);
    // The card that held the focus is gone: focus lands on the clients heading, not on the page's body.
    await waitFor(() => deepActiveElement()?.id === 'clients-title', 'focus on the clients heading');
  });

  it('limits access to some collaborators ("Modifier les collaborateurs")', async () => {
    const collaborator = await notarySession('collaborator');
    const { el, folder } = await mountFolder();
    buttonNamed(el, /Modifier les collaborateurs/)?.click();
    const dialog = await waitFor(() => openDialog(el, 'lecoffre-folder-access'), 'the access dialog');
    const [, some] = [...dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    some.click();
    const box = await waitFor(
      () => dialog.querySelector<HTMLInputElement>(`input[value="${collaborator.memberId}"]`),
      'the collaborator listed',
    );
    box.click();
    expect(await axeViolations(el)).to.deep.equal([]);
    buttonNamed(dialog, 'Enregistrer')?.click();
    await waitFor(() => !openDialog(el, 'lecoffre-folder-access'), 'the dialog closed');
    const saved = await folderFromApi(folder.folderId);
    expect(saved.access).to.equal('members');
    expect(saved.memberIds).to.deep.equal([collaborator.memberId]);
  });

  it('sends the office’s RIB to the client', async () => {
    const label = `Compte office ${Date.now()}`;
    await officeApi('POST', '/v1/office/bank-details', { label, holder: 'SELAS AP NOTAIRES', iban: 'FR7630006000011234567890189' });
    const { el, folder } = await mountFolder();
    const select = await waitFor(() => deepQueryAll<HTMLSelectElement>(el, 'select#rib')[0], 'the RIB choice');
    const option = [...select.options].find((candidate) => candidate.text.startsWith(label)) as HTMLOptionElement;
    select.value = option.value;
    buttonNamed(el, 'Transmettre le RIB de l’office')?.click();
    await waitFor(() => deepText(el).includes(`${label} — transmis le`), 'the RIB listed as sent');
    const shared = await officeApi<{ data: { label: string }[] }>('GET', `/v1/folders/${folder.folderId}/shared-documents`);
    expect(shared.data.map((document) => document.label)).to.include(label);
  });
});
