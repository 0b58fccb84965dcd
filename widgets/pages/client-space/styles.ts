import { css } from 'lit';

/** The client page's header (the office), its main column and its sign-in forms. */
export const clientSpaceStyles = css`
      :host {
        min-height: 100vh;
      }
      .brand {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.25rem 1rem;
        padding: 0.75rem 1rem;
        background: var(--_accent);
        color: var(--_on-accent);
      }
      .brand .office {
        font-weight: 700;
        letter-spacing: 0.02em;
      }
      .brand .product {
        font-size: 0.85rem;
      }
      main {
        max-width: 60rem;
        margin: 0 auto;
        padding: 1.25rem 1rem 3rem;
      }
      .field-error:empty {
        display: none;
      }
      .field-error {
        font-weight: normal;
      }
      form {
        display: grid;
        gap: 0.75rem;
        max-width: 26rem;
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
      }
      label input {
        font-weight: normal;
      }
      .hint {
        font-weight: normal;
        font-size: 0.9rem;
        color: var(--_muted);
      }
      .links {
        display: grid;
        gap: 0.5rem;
        justify-items: start;
        margin-top: 1rem;
      }
      .bar {
        display: flex;
        justify-content: flex-end;
        margin-bottom: 0.5rem;
      }
      h1 {
        font-size: 1.5rem;
        margin: 0 0 0.5rem;
      }
    `;
