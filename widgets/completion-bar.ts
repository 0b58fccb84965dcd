import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * `<lecoffre-completion-bar value="42" label="Complétion du dossier">`: how complete a folder is.
 * Themed by `--lecoffre-accent`; sets the `complete` attribute on itself at 100 so hosts can style it.
 */
@customElement('lecoffre-completion-bar')
export class CompletionBar extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      gap: 0.5em;
    }
    [part='bar'] {
      flex: 1;
      height: 0.5em;
      border-radius: 0.25em;
      overflow: hidden;
      background: color-mix(in srgb, var(--lecoffre-accent, #1f4e8c) 15%, transparent);
    }
    [part='fill'] {
      height: 100%;
      background: var(--lecoffre-accent, #1f4e8c);
      transition: width 0.2s ease-out;
    }
    .text {
      font-variant-numeric: tabular-nums;
    }
  `;

  /** Percentage; clamped to 0..100 and rounded when displayed. */
  @property({ type: Number }) value = 0;

  /** Accessible name; defaults to "Complétion" (or "Completion" when `lang` is English). */
  @property() label?: string;

  // `lang` is a native attribute with its own accessor: observe it rather than shadow it with a
  // reactive property, so `el.lang = 'en'` keeps setting the attribute (and `:lang()` keeps working).
  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: super runs lit's getter with `this` = this class (its properties); LitElement.observedAttributes would not
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  get percent(): number {
    const value = Number(this.value);
    return Number.isFinite(value) ? Math.round(Math.min(100, Math.max(0, value))) : 0;
  }

  protected override willUpdate(): void {
    // Set before rendering so styles keyed on [complete] apply in the same frame.
    this.toggleAttribute('complete', this.percent === 100);
  }

  // The width is set through the CSSOM, not a style attribute: hosted pages forbid inline styles
  // (style-src 'self'), which would leave the bar full whatever the value.
  protected override updated(): void {
    const fill = this.renderRoot.querySelector<HTMLElement>('[part="fill"]');
    if (fill) fill.style.width = `${this.percent}%`;
  }

  protected override render() {
    const percent = this.percent;
    const label = this.label ?? (this.lang.toLowerCase().startsWith('en') ? 'Completion' : 'Complétion');
    return html`
      <div part="bar" role="progressbar" aria-label=${label} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent}>
        <div part="fill"></div>
      </div>
      <span class="text" aria-hidden="true">${percent}%</span>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-completion-bar': CompletionBar;
  }
}
