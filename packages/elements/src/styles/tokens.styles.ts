import { css } from 'lit'

/** Default theme tokens; a club site overrides any `--vk-*` custom property. */
export const tokens = css`
  :host {
    --vk-font-family: var(--vk-theme-font-family, system-ui, sans-serif);
    --vk-color-text: var(--vk-theme-color-text, #1d1d1f);
    --vk-color-muted: var(--vk-theme-color-muted, #555);
    --vk-color-border: var(--vk-theme-color-border, #8a8a8a);
    --vk-color-primary: var(--vk-theme-color-primary, #0b5cad);
    --vk-color-on-primary: var(--vk-theme-color-on-primary, #fff);
    --vk-color-danger: var(--vk-theme-color-danger, #b3261e);
    --vk-color-success: var(--vk-theme-color-success, #1e6b34);
    --vk-color-surface: var(--vk-theme-color-surface, #fff);
    --vk-radius: var(--vk-theme-radius, 6px);
    --vk-spacing: var(--vk-theme-spacing, 1rem);
    --vk-focus-ring: var(--vk-theme-focus-ring, 0 0 0 3px rgb(11 92 173 / 40%));
    font-family: var(--vk-font-family);
    color: var(--vk-color-text);
  }
`

/** Styles shared by every text control. */
export const formControlStyles = css`
  :host {
    /* Control tokens, defaulting to the global ones. */
    --vk-control-border-color: var(--vk-color-border);
    --vk-control-background: var(--vk-color-surface);
    --vk-control-radius: var(--vk-radius);
  }
  label,
  legend {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  input,
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    padding: 0.5rem 0.625rem;
    border: 1px solid var(--vk-control-border-color);
    border-radius: var(--vk-control-radius);
    background: var(--vk-control-background);
    color: inherit;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: none;
    box-shadow: var(--vk-focus-ring);
    border-color: var(--vk-color-primary);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--vk-color-danger);
  }
  .hint {
    color: var(--vk-color-muted);
    font-size: 0.875em;
    margin-block-start: 0.25rem;
  }
  .error {
    color: var(--vk-color-danger);
    font-size: 0.875em;
    margin-block-start: 0.25rem;
  }
`
