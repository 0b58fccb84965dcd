import type { VerificationReport } from '@lecoffre/sdk';
import { verifyProofBundle } from '@lecoffre/sdk';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { resolveLang } from '../../core/i18n.js';
import { controls, tokens } from '../../core/theme.js';
import { MESSAGES, type VerifyMessages } from './messages.js';
import { renderReport } from './report-view.js';

/**
 * `/verify`: drop a proof bundle, read the verdict. The ZIP is read and checked in this page with the
 * SDK's verifier (the same code as `lecoffre verify`), loaded on demand; only the Tezos node the visitor
 * names, if any, is asked about the anchor.
 */
@customElement('lecoffre-verify')
export class LeCoffreVerify extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      h1 {
        font-size: 1.5rem;
        margin: 0 0 0.5rem;
      }
      .drop {
        display: grid;
        justify-items: start;
        gap: 0.4rem;
        margin: 1rem 0;
        padding: 1.25rem;
        border: 2px dashed var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      .drop.over {
        border-color: var(--_accent);
        background: var(--_subtle);
      }
      label.rpc {
        display: grid;
        gap: 0.25rem;
        max-width: 36rem;
        font-weight: 600;
      }
      label.rpc input {
        font-weight: normal;
      }
      .hint,
      .en {
        font-weight: normal;
        font-size: 0.9rem;
        color: var(--_muted);
      }
      .verdict {
        margin-top: 1.5rem;
        padding: 1rem;
        border-radius: var(--_radius);
        border: 2px solid var(--_success);
        background: var(--_surface);
      }
      .verdict.failed {
        border-color: var(--_danger);
      }
      .verdict.warning {
        border-color: var(--_warning);
        background: #fff8e6;
      }
      .verdict.warning h2 [lang='fr'] {
        color: var(--_warning);
      }
      .verdict ul.warnings {
        margin: 0.75rem 0 0;
        padding-left: 1.25rem;
      }
      .verdict h2 {
        font-size: 1.15rem;
        margin: 0;
      }
      .verdict.ok h2 [lang='fr'] {
        color: var(--_success);
      }
      .verdict.failed h2 [lang='fr'] {
        color: var(--_danger);
      }
      .verdict h2 .en {
        display: block;
        margin-top: 0.25rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
        margin: 0.75rem 0 0;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        background: var(--_surface);
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.5rem;
        border-bottom: 1px solid var(--_border);
        overflow-wrap: anywhere;
      }
      tbody th {
        font-weight: normal;
      }
      td .en {
        display: block;
      }
      section {
        margin-top: 1.25rem;
      }
      .badge {
        white-space: normal;
      }
      /* On a phone, each document is a block: path, verdict, detail, one under the other. */
      @media (max-width: 40rem) {
        dl {
          grid-template-columns: 1fr;
        }
        dd {
          margin-bottom: 0.5rem;
        }
        table,
        tbody,
        tr,
        th,
        td {
          display: block;
        }
        thead {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
        }
        tbody th,
        td {
          border-bottom: none;
          padding: 0.25rem 0.5rem;
        }
        tr {
          border-bottom: 1px solid var(--_border);
          padding: 0.5rem 0;
        }
      }
    `,
  ];

  @state() private report?: VerificationReport;
  @state() private busy = false;
  @state() private status = '';
  @state() private failure = '';
  @state() private over = false;

  private bundle?: { name: string; bytes: Uint8Array };

  private get t(): VerifyMessages {
    return MESSAGES[resolveLang(this.getAttribute('lang'))];
  }

  private async verify(): Promise<void> {
    const bundle = this.bundle;
    if (!bundle || this.busy) return;
    const t = this.t;
    const rpc = this.renderRoot.querySelector<HTMLInputElement>('input[name="rpc"]')?.value.trim();
    this.busy = true;
    this.report = undefined;
    this.failure = '';
    this.status = t.verifying(bundle.name);
    try {
      this.report = await verifyProofBundle(bundle.bytes, rpc ? { tezosRpcUrl: rpc } : {});
      this.status = t.verified(bundle.name);
    } catch (error) {
      // The verifier turns every fault of the bundle into a verdict; this is the page failing to load it.
      this.failure = t.crashed(error instanceof Error ? error.message : String(error));
      this.status = '';
    } finally {
      this.busy = false;
    }
  }

  private async take(file: File | undefined): Promise<void> {
    if (!file) return;
    this.bundle = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    await this.verify();
  }

  private readonly picked = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    void this.take(input.files?.[0]);
    input.value = ''; // the same file may be dropped again after an edit
  };

  private readonly dragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.over = true;
  };

  private readonly drop = (event: DragEvent) => {
    event.preventDefault();
    this.over = false;
    void this.take(event.dataTransfer?.files[0]);
  };

  protected override render() {
    const t = this.t;
    return html`
      <h1>${t.title}</h1>
      <p>${t.intro}</p>
      <div part="dropzone" class=${this.over ? 'drop over' : 'drop'} @dragover=${this.dragOver} @dragleave=${() => (this.over = false)} @drop=${this.drop}>
        <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type="file"]')?.click()}>
          ${t.choose}
        </button>
        <span class="hint" aria-hidden="true">${t.dropHere}</span>
        <span class="hint">${t.accepted}</span>
        <input type="file" hidden tabindex="-1" accept=".zip,application/zip" aria-label=${t.choose} @change=${this.picked} />
      </div>
      <label class="rpc">
        ${t.rpcLabel}
        <input type="url" name="rpc" inputmode="url" autocomplete="url" placeholder="https://mainnet.tezos.ecadinfra.com" aria-describedby="rpc-hint" />
      </label>
      <p id="rpc-hint" class="hint">${t.rpcHint}</p>
      ${this.bundle ? html`<p><button type="button" ?disabled=${this.busy} @click=${() => void this.verify()}>${t.verifyAgain}</button></p>` : nothing}
      <p role="status" aria-live="polite">${this.status}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing} ${this.report ? renderReport(this.report, t) : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-verify': LeCoffreVerify;
  }
}
