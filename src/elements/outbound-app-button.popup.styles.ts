import { css } from 'lit';

/**
 * The Cancel control shown under the button while a popup-mode connection waits for the popup.
 * Kept apart from the button's own styles; it overrides the parts of their `button` rule that
 * make a big button.
 */
export const popupStyles = css`
  button.cancel {
    display: block;
    width: auto;
    min-height: 24px;
    margin-top: 4px;
    padding: 0 4px;
    border: 0;
    background: none;
    font-size: 0.8125rem;
    text-decoration: underline;
  }
`;
