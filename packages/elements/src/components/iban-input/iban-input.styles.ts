import { css } from 'lit'

/** Styles of `<vk-iban-input>`. */
export const ibanInputStyles = css`
  :host {
    display: block;
  }
  input {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.03em;
  }
  .error:empty {
    display: none;
  }
`
