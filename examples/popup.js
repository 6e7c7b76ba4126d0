// The demo's "Popup or redirect" section: says what became of the draft after each mode's round
// trip. The elements need nothing from here; the page is configured by demo.js.
const status = document.getElementById('modes-status');
const draft = /** @type {HTMLInputElement | null} */ (document.getElementById('draft'));
const DRAFT_KEY = 'outbound-demo:had-draft';

function say(text) {
  if (status) status.textContent = text;
}

for (const id of ['mode-popup', 'mode-redirect']) {
  const button = document.getElementById(id);
  if (!button || !draft) continue;
  const mode = id === 'mode-popup' ? 'popup' : 'redirect';
  // Remember, across the redirect, whether there was a draft to lose.
  button.addEventListener('outbound-connect-start', () => sessionStorage.setItem(DRAFT_KEY, draft.value ? '1' : ''));
  button.addEventListener('outbound-connect-success', () => {
    const hadDraft = sessionStorage.getItem(DRAFT_KEY) === '1';
    sessionStorage.removeItem(DRAFT_KEY);
    if (!hadDraft) say(`Connected with a ${mode}.`);
    else if (draft.value) say(`Connected with a ${mode}, and your draft is still here.`);
    else say(`Connected with a ${mode}: the page reloaded and the draft is gone (carry it in returnState).`);
  });
  button.addEventListener('outbound-connect-cancel', () => say(`The ${mode} was closed or left: nothing connected.`));
}
