import type { DocumentFile, DocumentRequest } from '@lecoffre/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { formatBytes, formatDate, type Lang } from '../core/i18n.js';
import { fileState, requestState, stateLabel } from '../core/states.js';
import type { UploadMessages } from './messages.js';
import { secondsLeft, type UploadItem } from './upload-queue.js';

/** What a card needs from the element: words, the live uploads, and the actions its buttons call. */
export interface CardView {
  t: UploadMessages;
  lang: Lang;
  /** The office's time zone: dates are the office's. */
  timeZone?: string;
  uploads: readonly UploadItem[];
  dropzone: (request: DocumentRequest) => TemplateResult | typeof nothing;
  view: (file: DocumentFile) => void;
  retry: (key: number) => void;
  dismiss: (key: number) => void;
  cancel: (key: number) => void;
  describe: (error: unknown) => string;
}

export function renderRequestCard(request: DocumentRequest, view: CardView): TemplateResult {
  const { t, lang } = view;
  const { state, reason } = requestState(request);
  const headingId = `request-${request.id}`;
  return html`
    <article part="request ${state}" class=${state} data-request-id=${request.id} data-state=${state} aria-labelledby=${headingId}>
      <div class="card-head">
        <h4 id=${headingId}>${request.label}</h4>
        <span class="badge ${state}">${stateLabel(state, lang, 'client')}</span>
      </div>
      ${request.note ? html`<p>${request.note}</p>` : nothing}
      <p class="meta">
        ${t.requestedOn(formatDate(request.createdAt, lang, { timeZone: view.timeZone }))}${request.dueDate ? html`<br />${t.dueBy(formatDate(request.dueDate, lang))}` : nothing}
      </p>
      ${
        state === 'refused'
          ? html`<div class="refusal">
              ${reason ? html`<p class="error">${t.refusalReason(reason)}</p>` : nothing}
              <p>${t.refusedAskAgain}</p>
            </div>`
          : nothing
      }
      ${request.files.length ? renderSentFiles(request.files, view) : nothing}
      ${renderUploads(
        view.uploads.filter((item) => item.target.kind === 'request' && item.target.requestId === request.id),
        view,
      )}
      ${state === 'validated' ? nothing : view.dropzone(request)}
    </article>
  `;
}

function renderSentFiles(files: DocumentFile[], view: CardView): TemplateResult {
  const { t, lang } = view;
  return html`
    <ul class="files" aria-label=${t.sentFiles}>
      ${files.map(
        (file) => html`
          <li data-file-id=${file.id}>
            <span class="file-name">${file.name} <span class="meta">(${formatBytes(file.size, lang)})</span></span>
            ${fileBadge(file, lang)}
            <button type="button" class="link" aria-label=${t.viewFile(file.name)} @click=${() => view.view(file)}>${t.view}</button>
          </li>
        `,
      )}
    </ul>
  `;
}

/** A sent file's state, in the glossary's words for the client. */
export function fileBadge(file: DocumentFile, lang: Lang): TemplateResult {
  const state = fileState(file);
  return html`<span class="badge ${state}">${stateLabel(state, lang, 'client')}</span>`;
}

const STATE_TEXT = { hashing: 'hashing', uploading: 'uploading', retrying: 'retrying', done: 'uploaded' } as const;

/** Files being sent (or that failed), each with its own progress bar and, on failure, why and what to do. */
export function renderUploads(items: readonly UploadItem[], view: CardView): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  const { t } = view;
  return html`
    <ul class="uploads">
      ${items.map((item) => {
        const name = item.file.name;
        if (item.state === 'failed') {
          return html`
            <li class="failed" data-upload-state="failed">
              <span class="file-name">${name}</span>
              <span class="error" role="alert">${view.describe(item.error)}</span>
              <span class="actions">
                ${item.retryable ? html`<button type="button" aria-label=${t.retryFile(name)} @click=${() => view.retry(item.key)}>${t.retry}</button>` : nothing}
                <button type="button" class="link" aria-label=${t.dismissFile(name)} @click=${() => view.dismiss(item.key)}>${t.dismiss}</button>
              </span>
            </li>
          `;
        }
        const percent = Math.round(item.progress * 100);
        const left = item.state === 'uploading' ? secondsLeft(item) : undefined;
        return html`
          <li data-upload-state=${item.state}>
            <span class="file-name">${name}</span>
            ${
              item.state === 'done'
                ? nothing
                : html`<button type="button" class="link" data-action="cancel" aria-label=${t.cancelFile(name)} @click=${() => view.cancel(item.key)}>
                    ${t.cancel}
                  </button>`
            }
            <progress max="100" value=${percent} aria-label=${t.progressOf(name)}></progress>
            <span class="meta progress-text">
              ${t[STATE_TEXT[item.state]]}
              ${
                item.state === 'uploading'
                  ? html`<span data-bytes>${t.bytesOf(formatBytes(item.sent, view.lang), formatBytes(item.file.size, view.lang))} (${percent} %)</span>
                      ${left === undefined ? nothing : html`<span data-time-left>· ${t.timeLeft(left)}</span>`}`
                  : nothing
              }
            </span>
          </li>
        `;
      })}
    </ul>
  `;
}
