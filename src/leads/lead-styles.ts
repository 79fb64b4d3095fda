import { css } from 'lit';

/** Lead capture's button, form and status (adopted by the host's shadow root when the part loads). */
export const leadStyles = css`
  .layout > .lead {
    grid-column: 1 / -1;
  }
  .lead {
    margin-block: 16px 0;
    display: grid;
    gap: 10px;
    justify-items: start;
  }
  .lead button {
    font: inherit;
    min-height: 44px;
    padding: 8px 14px;
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
    max-inline-size: 100%;
    text-align: start;
  }
  .lead button.lead-send {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .lead button:focus-visible,
  .lead input:focus-visible,
  .lead textarea:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .lead-form {
    position: relative;
    display: grid;
    gap: 12px;
    inline-size: 100%;
    max-inline-size: 480px;
    padding: 14px;
    box-sizing: border-box;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .lead-field {
    display: grid;
    gap: 4px;
  }
  .lead-field > label {
    font-weight: 600;
    font-size: 0.9em;
  }
  .lead-field input,
  .lead-field textarea {
    font: inherit;
    min-height: 44px;
    box-sizing: border-box;
    inline-size: 100%;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
    color: var(--_text);
  }
  .lead-field input[aria-invalid='true'],
  .lead-field textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .lead-field > label.lead-consent {
    font-weight: normal;
    font-size: 1em;
  }
  .lead-consent {
    display: flex;
    gap: 8px;
    align-items: flex-start;
  }
  .lead-consent input {
    inline-size: 20px;
    block-size: 20px;
    margin: 2px 0 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .lead-error {
    color: var(--_danger);
    font-size: 0.9em;
    margin: 0;
  }
  .lead-note {
    font-size: 0.9em;
    margin: 0;
  }
  /* The honeypot: a real text input, out of sight (above the page, where nothing scrolls) and out of the accessibility tree. */
  .lead-trap {
    position: absolute;
    inset-block-start: -10000px;
    inset-inline-start: 0;
    inline-size: 1px;
    overflow: hidden;
  }
  .lead-status {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .lead-status:empty {
    display: none;
  }
  .lead-status[data-status='failed'] > span {
    color: var(--_danger);
  }
  .lead-status[data-status='sent'] > span {
    color: var(--_success);
  }
`;
