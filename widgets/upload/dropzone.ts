import { html, nothing, type TemplateResult } from 'lit';
import { ACCEPT_ATTRIBUTE } from '../core/upload.js';
import type { UploadMessages } from './messages.js';

export interface DropzoneView {
  t: UploadMessages;
  /** Files are being dragged over this zone. */
  over: boolean;
  label: string;
  /** The button's full name, e.g. "Ajouter un document : Carte Nationale d'Identité". */
  ariaLabel: string;
  onFiles: (files: File[]) => void;
  onDragState: (over: boolean) => void;
  /** A finger, not a mouse: no "drop here" (see coarse-pointer.ts). */
  touch: boolean;
}

/**
 * Where files go in: a real button (keyboard, screen readers) that opens the hidden file picker, inside a
 * zone that also takes files dropped on it.
 */
export function renderDropzone(view: DropzoneView): TemplateResult {
  const { t } = view;
  const dragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    view.onDragState(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    view.onDragState(false);
    const files = event.dataTransfer?.files;
    if (files?.length) view.onFiles(Array.from(files));
  };
  const pick = (event: Event) => {
    const zone = (event.currentTarget as HTMLElement).closest('[part~="dropzone"]');
    zone?.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  };
  const picked = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    if (input.files?.length) view.onFiles(Array.from(input.files));
    // Lets the same file be picked again after a failure.
    input.value = '';
  };
  return html`
    <div part="dropzone" class=${view.over ? 'over' : ''} @dragover=${dragOver} @dragleave=${() => view.onDragState(false)} @drop=${drop}>
      <button type="button" class="primary" data-action="pick" aria-label=${view.ariaLabel} @click=${pick}>${view.label}</button>
      ${view.touch ? nothing : html`<span class="muted" aria-hidden="true">${t.dropHere}</span>`}
      <span class="hint">${t.accepted}</span>
      <input type="file" hidden multiple tabindex="-1" accept=${ACCEPT_ATTRIBUTE} @change=${picked} />
    </div>
  `;
}
