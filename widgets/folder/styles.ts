import { css } from 'lit';

/** Layout shared by `<lecoffre-folder>` and its inner elements: sections, cards, field grids, dialogs. */
export const folderStyles = css`
  h2,
  h3,
  h4 {
    margin: 0 0 0.5rem;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.35rem;
  }
  h3 {
    font-size: 1.15rem;
  }
  h4 {
    font-size: 1rem;
  }
  p {
    margin: 0 0 0.6rem;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .muted,
  .meta {
    color: var(--_muted);
  }
  .meta {
    font-size: 0.9rem;
  }
  .card {
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .spread {
    justify-content: space-between;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.75rem 1.25rem;
  }
  .label {
    display: block;
    font-size: 0.85rem;
    color: var(--_muted);
  }
  button.icon {
    flex: none;
    min-height: 2rem;
    min-width: 2rem;
    padding: 0.2rem;
    border-color: transparent;
  }
  @media (pointer: coarse), (max-width: 30rem) {
    button.icon {
      min-height: 2.75rem;
      min-width: 2.75rem;
    }
  }
  .mark {
    display: inline-flex;
    color: var(--_warning);
    vertical-align: middle;
  }
  dialog {
    width: min(40rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  #dialog-title:focus {
    outline: none;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-top: 1rem;
  }
  fieldset {
    margin: 0 0 0.75rem;
    padding: 0;
    border: none;
  }
  legend {
    padding: 0;
    margin-bottom: 0.4rem;
    font-weight: 600;
  }
  label.choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2rem;
  }
  .stack > * + * {
    margin-top: 0.75rem;
  }
  .warning {
    color: var(--_warning);
  }
  select {
    min-height: 2.5rem;
    padding: 0.3em 0.5em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
`;
