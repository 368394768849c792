import { css } from 'lit'

/** Styles of `<vk-membership-application>`. */
export const membershipApplicationStyles = css`
  :host {
    /* Component tokens: each defaults to a global token, so a site themes everything at once or this form alone. */
    --vk-form-section-border-color: var(--vk-color-border);
    --vk-form-submit-background: var(--vk-color-primary);
    --vk-form-submit-color: var(--vk-color-on-primary);
    display: block;
    max-width: var(--vk-form-max-width, 40rem);
  }
  form {
    display: grid;
    gap: var(--vk-spacing);
  }
  fieldset {
    border: 1px solid var(--vk-form-section-border-color);
    border-radius: var(--vk-radius);
    padding: var(--vk-spacing);
    margin: 0;
    display: grid;
    gap: calc(var(--vk-spacing) * 0.75);
  }
  legend {
    padding-inline: 0.25rem;
  }
  .row {
    display: grid;
    gap: calc(var(--vk-spacing) * 0.75);
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: normal;
  }
  .choice input {
    width: auto;
    margin-block-start: 0.2rem;
  }
  .mandate-text {
    font-size: 0.875em;
    color: var(--vk-color-muted);
  }
  .summary {
    border: 2px solid var(--vk-color-danger);
    border-radius: var(--vk-radius);
    padding: var(--vk-spacing);
  }
  .summary ul {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .summary button {
    all: unset;
    cursor: pointer;
    text-decoration: underline;
    color: var(--vk-color-danger);
  }
  .summary button:focus-visible {
    box-shadow: var(--vk-focus-ring);
  }
  button[type='submit'] {
    justify-self: start;
    font: inherit;
    font-weight: 600;
    padding: 0.625rem 1.25rem;
    border: 0;
    border-radius: var(--vk-radius);
    background: var(--vk-form-submit-background);
    color: var(--vk-form-submit-color);
    cursor: pointer;
  }
  button[type='submit']:focus-visible {
    outline: none;
    box-shadow: var(--vk-focus-ring);
  }
  button[disabled] {
    opacity: 0.7;
    cursor: progress;
  }
  .confirmation {
    border: 2px solid var(--vk-color-success);
    border-radius: var(--vk-radius);
    padding: var(--vk-spacing);
  }
  .error:empty {
    display: none;
  }
  a {
    color: var(--vk-color-primary);
  }
`
