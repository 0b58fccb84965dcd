import { FRENCH_TIME_ZONES, type Office } from '@lecoffre/sdk';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LeCoffreElement } from '../../core/element.js';
import { describeError } from '../../core/errors.js';
import { formatDate } from '../../core/i18n.js';
import { controls, tokens } from '../../core/theme.js';
import { type ConsoleMessages, MESSAGES } from './messages.js';

const FRENCH = new Set(FRENCH_TIME_ZONES.map(({ zone }) => zone));

/** Every other zone the browser knows, for an office abroad (a French notary's office in Monaco, say). */
function otherZones(): string[] {
  const all = (Intl as { supportedValuesOf?: (key: 'timeZone') => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return all.filter((zone) => !FRENCH.has(zone));
}

/**
 * `/app/office`: the office's settings a notary decides, today its time zone (every date and time of the
 * office's pages, widgets, e-mails and certificates is shown in it). Collaborators see it, unchangeable.
 */
@customElement('lecoffre-office-settings')
export class LeCoffreOfficeSettings extends LeCoffreElement {
  static override styles = [
    tokens,
    controls,
    css`
      form {
        display: grid;
        gap: 0.5rem;
        max-width: 32rem;
      }
      select {
        min-height: 2.5rem;
        max-width: 100%;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
    `,
  ];

  /** Only a notary changes the office's settings (the API checks it again). */
  @property({ type: Boolean, attribute: 'can-edit' }) canEdit = false;

  @state() private office?: Office;
  @state() private error?: string;
  @state() private saved = false;
  @state() private busy = false;

  private get t(): ConsoleMessages {
    return MESSAGES[this.language];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.connectionChanged(changed)) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.office = await this.api?.client.office.retrieve();
    } catch (error) {
      this.error = describeError(error, this.language).message;
    }
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const timeZone = String(new FormData(event.currentTarget as HTMLFormElement).get('timeZone') ?? '');
    this.busy = true;
    this.error = undefined;
    this.saved = false;
    try {
      this.office = await this.api?.client.office.update({ timeZone });
      this.saved = true;
    } catch (error) {
      this.error = describeError(error, this.language).message;
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const t = this.t;
    const office = this.office;
    if (!office) return this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p role="status">${t.checking}</p>`;
    const option = (zone: string, label = zone) => html`<option value=${zone} ?selected=${zone === office.timeZone}>${label}</option>`;
    return html`
      <h2>${t.officeSettings}</h2>
      <form @submit=${this.save}>
        <label for="time-zone">${t.timeZone}</label>
        <select id="time-zone" name="timeZone" ?disabled=${!this.canEdit || this.busy} aria-describedby="time-zone-hint">
          <optgroup label=${t.frenchZones}>${FRENCH_TIME_ZONES.map(({ zone, label }) => option(zone, label))}</optgroup>
          <optgroup label=${t.otherZones}>${otherZones().map((zone) => option(zone))}</optgroup>
        </select>
        <p id="time-zone-hint" class="muted">${t.timeZoneHint(formatDate(new Date().toISOString(), this.language, { withTime: true, timeZone: office.timeZone }))}</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.saved ? html`<p role="status">${t.officeSaved}</p>` : nothing}
        ${
          this.canEdit
            ? html`<span class="row"><button type="submit" class="primary" ?disabled=${this.busy}>${t.save}</button></span>`
            : html`<p class="muted">${t.notaryOnly}</p>`
        }
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-office-settings': LeCoffreOfficeSettings;
  }
}
