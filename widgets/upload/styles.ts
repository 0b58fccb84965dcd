import { css } from 'lit';

/** `<lecoffre-upload>`'s layout: one column, cards that wrap, nothing wider than a 360 px phone. */
export const uploadStyles = css`
  :host {
    max-width: 60rem;
    overflow-wrap: anywhere;
  }
  section + section {
    margin-top: 2rem;
  }
  h2,
  h3,
  h4 {
    margin: 0 0 0.4rem;
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
  .muted,
  .meta {
    color: var(--_muted);
  }
  .meta {
    font-size: 0.9rem;
  }
  [part='header'] {
    margin-bottom: 1.5rem;
  }
  .notice {
    padding: 0.75rem 1rem;
    border-left: 4px solid var(--_success);
    background: var(--_subtle);
  }
  .folder-picker {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 0.75rem;
    max-width: 30rem;
  }
  .folder-picker select {
    font: inherit;
    min-height: 2.5rem;
    padding: 0.3em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
    gap: 1rem;
  }
  [part~='request'],
  [part~='extra-card'] {
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='request'].refused {
    border-color: var(--_danger);
  }
  [part~='request'].validated {
    border-color: var(--_success);
  }
  /* The state badge sits in the same place on every card and every file row, whatever the title's
     length: top right, the title or the name wrapping beside it. */
  .card-head,
  .files li,
  .uploads li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: start;
    gap: 0.25rem 0.75rem;
  }
  .files li,
  .uploads li {
    padding: 0.4rem 0;
    border-top: 1px solid var(--_border);
  }
  .files li > button {
    grid-column: 1;
    justify-self: start;
  }
  .uploads li > .error,
  .uploads li > .actions,
  .uploads li > progress,
  .uploads li > .progress-text {
    grid-column: 1 / -1;
  }
  .file-name {
    min-width: 0;
  }
  .uploads progress {
    width: 100%;
    height: 0.6rem;
    accent-color: var(--_accent);
  }
  [part~='dropzone'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin-top: 0.25rem;
    padding: 0.75rem;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  [part~='dropzone'].over {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  .hint {
    flex: 1 1 100%;
    font-size: 0.9rem;
    color: var(--_muted);
  }
  [part~='shared'] dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2rem 0.75rem;
    margin: 0 0 0.5rem;
  }
  [part~='shared'] dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  @media (max-width: 480px) {
    [part~='dropzone'] button {
      width: 100%;
    }
  }
`;
