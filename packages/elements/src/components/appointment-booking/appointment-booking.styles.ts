import { css } from 'lit'

/** Styles of `<vk-appointment-booking>`. */
export const appointmentBookingStyles = css`
  :host {
    /* Component tokens: each defaults to a global token, so a site themes everything at once or the booking alone. */
    --vk-booking-slot-background: var(--vk-color-surface);
    --vk-booking-slot-color: var(--vk-color-primary);
    display: block;
    max-width: var(--vk-booking-max-width, 48rem);
  }
  form,
  .confirmation {
    display: grid;
    gap: var(--vk-spacing);
  }
  fieldset {
    border: 1px solid var(--vk-color-border);
    border-radius: var(--vk-radius);
    padding: var(--vk-spacing);
    margin: 0;
    display: grid;
    gap: calc(var(--vk-spacing) * 0.75);
  }
  .row {
    display: grid;
    gap: calc(var(--vk-spacing) * 0.75);
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  }
  h2,
  h3,
  h4,
  p,
  ul,
  dl {
    margin: 0;
  }
  h4 {
    font-size: 0.875em;
    margin-block-end: 0.5rem;
  }
  ul {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.375rem;
  }
  button,
  .button {
    font: inherit;
    border-radius: var(--vk-radius);
    cursor: pointer;
  }
  button:focus-visible,
  a:focus-visible {
    outline: none;
    box-shadow: var(--vk-focus-ring);
  }
  button[type='submit'],
  .button {
    justify-self: start;
    font-weight: 600;
    padding: 0.625rem 1.25rem;
    border: 0;
    background: var(--vk-color-primary);
    color: var(--vk-color-on-primary);
    text-decoration: none;
    display: inline-block;
  }
  .button.secondary {
    background: transparent;
    color: var(--vk-color-primary);
    border: 1px solid var(--vk-color-primary);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  .link {
    all: unset;
    cursor: pointer;
    color: var(--vk-color-primary);
    text-decoration: underline;
    justify-self: start;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--vk-spacing);
    justify-content: space-between;
    align-items: center;
    margin-block: 0.75rem;
  }
  .views button,
  .nav button {
    padding: 0.375rem 0.75rem;
    border: 1px solid var(--vk-color-border);
    background: var(--vk-color-surface);
    color: inherit;
  }
  .views button[aria-pressed='true'] {
    background: var(--vk-color-primary);
    color: var(--vk-color-on-primary);
    border-color: var(--vk-color-primary);
  }
  .nav {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .week {
    display: grid;
    grid-template-columns: repeat(7, minmax(4.5rem, 1fr));
    gap: 0.5rem;
    overflow-x: auto;
  }
  .list {
    display: grid;
    gap: var(--vk-spacing);
  }
  .list ul {
    grid-template-columns: repeat(auto-fill, minmax(6rem, 1fr));
  }
  .slot {
    width: 100%;
    padding: 0.5rem;
    border: 1px solid var(--vk-booking-slot-color);
    background: var(--vk-booking-slot-background);
    color: var(--vk-booking-slot-color);
    font-weight: 600;
    display: grid;
    gap: 0.125rem;
  }
  .slot:hover {
    background: var(--vk-booking-slot-color);
    color: var(--vk-color-on-primary);
  }
  .who {
    font-weight: normal;
    font-size: 0.8em;
  }
  .none {
    color: var(--vk-color-muted);
  }
  .chosen,
  .confirmation {
    border: 2px solid var(--vk-color-primary);
    border-radius: var(--vk-radius);
    padding: var(--vk-spacing);
    display: grid;
    gap: 0.5rem;
  }
  .confirmation {
    border-color: var(--vk-color-success);
  }
  .summary-list dt {
    font-weight: 600;
  }
  .summary-list dd {
    margin: 0;
  }
  .problem {
    border: 2px solid var(--vk-color-danger);
    border-radius: var(--vk-radius);
    padding: var(--vk-spacing);
    color: var(--vk-color-danger);
  }
  .error:empty {
    display: none;
  }
`
