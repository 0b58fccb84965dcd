import type { Folder, Me } from '@lecoffre/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { UploadMessages } from './messages.js';

/** Greeting, folder (with a picker when the client has several open ones) and office. */
export function renderUploadHeader(
  t: UploadMessages,
  me: Me,
  folders: Folder[],
  folder: Folder | undefined,
  choose: (folderId: string) => void,
): TemplateResult {
  const client = me.client;
  const open = folders.filter((candidate) => candidate.status === 'open' || candidate.id === folder?.id);
  // A token bound to one folder never offers others.
  const picker =
    open.length > 1 && !me.folderId
      ? html`<label class="folder-picker">
          <span>${t.folderLabel}</span>
          <select @change=${(event: Event) => choose((event.currentTarget as HTMLSelectElement).value)}>
            ${open.map(
              (candidate) =>
                html`<option value=${candidate.id} ?selected=${candidate.id === folder?.id}>${t.folderTitle(candidate.number, candidate.title)}</option>`,
            )}
          </select>
        </label>`
      : nothing;
  return html`
    <header part="header">
      ${client ? html`<p class="hello">${t.hello(`${client.firstName} ${client.lastName}`)}</p>` : nothing}
      ${picker}
      ${folder ? html`<h2>${t.folderTitle(folder.number, folder.title)}</h2>` : nothing}
      <p class="muted">${me.office.name}</p>
    </header>
  `;
}
