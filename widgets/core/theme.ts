import { css } from 'lit';

/**
 * The design tokens, as CSS custom properties a host page may set on the element or any ancestor (they
 * inherit through shadow roots), with defaults that pass WCAG AA contrast on white. Nothing else leaks in
 * or out: each element styles its own shadow tree, and exposes its main blocks as `::part`s.
 *
 *   --lecoffre-font            font-family (default: inherited from the page)
 *   --lecoffre-text            body text                     --lecoffre-muted     secondary text
 *   --lecoffre-surface         card background               --lecoffre-subtle    zone / row background
 *   --lecoffre-border          borders                       --lecoffre-radius    corner radius
 *   --lecoffre-accent          buttons, links, progress      --lecoffre-on-accent text on the accent
 *   --lecoffre-success         validated                     --lecoffre-warning   waiting for review
 *   --lecoffre-danger          refused, errors               --lecoffre-focus     keyboard focus ring
 */
export const tokens = css`
  :host {
    --_font: var(--lecoffre-font, inherit);
    --_text: var(--lecoffre-text, #1b1d23);
    --_muted: var(--lecoffre-muted, #555b66);
    --_surface: var(--lecoffre-surface, #ffffff);
    --_subtle: var(--lecoffre-subtle, #f3f5f8);
    --_border: var(--lecoffre-border, #c4c9d2);
    --_radius: var(--lecoffre-radius, 8px);
    --_accent: var(--lecoffre-accent, #1f4e8c);
    --_on-accent: var(--lecoffre-on-accent, #ffffff);
    --_success: var(--lecoffre-success, #1d6b3a);
    --_warning: var(--lecoffre-warning, #8a4b00);
    --_danger: var(--lecoffre-danger, #b3261e);
    --_focus: var(--lecoffre-focus, #1f4e8c);
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
`;

/** Buttons, focus ring, status badges and screen-reader-only text shared by every element. */
export const controls = css`
  button,
  .button,
  input,
  textarea,
  select {
    font: inherit;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.5rem;
    padding: 0.45em 1em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
    text-decoration: none;
  }
  button.primary,
  .button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button.link {
    /* WCAG 2.2 target size (24 px) even for a button that reads as a link. */
    min-height: 1.5rem;
    padding: 0;
    border: none;
    background: none;
    text-decoration: underline;
  }
  /* A finger needs more than a pointer: every control is at least 44 px tall on touch screens and phones. */
  @media (pointer: coarse), (max-width: 30rem) {
    button,
    .button,
    button.link {
      min-height: 2.75rem;
    }
    button.icon {
      min-width: 2.75rem;
    }
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* Text fields only: a radio button or a checkbox stretched to the full width floats in mid-form. */
  input:not([type='file'], [type='radio'], [type='checkbox']),
  textarea {
    width: 100%;
    min-height: 2.5rem;
    padding: 0.45em 0.6em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  /* A file picker's native width is fixed: never wider than its column on a phone. */
  input[type='file'] {
    max-width: 100%;
  }
  input[type='radio'],
  input[type='checkbox'] {
    flex: none;
    width: 1.15rem;
    height: 1.15rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.55em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.85em;
    white-space: nowrap;
  }
  .badge.requested {
    color: var(--_muted);
  }
  .badge.sent,
  .badge.pending {
    color: var(--_warning);
  }
  .badge.validated {
    color: var(--_success);
  }
  .badge.refused {
    color: var(--_danger);
  }
  .error {
    color: var(--_danger);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
