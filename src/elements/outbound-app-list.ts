import { css, html, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { AppListView } from './outbound-app-list-view.js';
import { configChanged } from '../core/config.js';
import { noteStatusShown } from '../core/connection-state.js';
import { OutboundConfigElement } from './outbound-config-element.js';
import { stringsFor, type StringOverrides } from './strings.js';

const idsConverter = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value.split(/\s+/).filter(Boolean)),
  toAttribute: () => null, // not reflected
};

/** What the list's content depends on: when one changes, it reads again (from the page cache). */
const INPUTS = ['apps', 'projectId', 'baseUrl', 'storagePrefix', 'tenantId', 'sdk', 'token', 'getToken'];

/**
 * The project's Outbound Apps with the user's connection status: each row shows the app's logo,
 * name and description, whether it is connected, and a Connect (or Reconnect) button (an
 * `<outbound-app-button compact>`: the same states and words as every button); with
 * `disconnect`, connected apps also offer Disconnect. The list reads the catalog and the status
 * through the same session as the connect call, sharing one request per endpoint with every other
 * element of the page. Its rows, styles and the catalog client load on demand: the first paint
 * says "Loading apps…", then a skeleton shows until the answer arrives.
 *
 * @summary The project's Outbound Apps, with status and a connect / reconnect button for each.
 * @tagname outbound-app-list
 *
 * @slot empty - Shown when there is no app to list (default: "No apps to show.").
 *
 * @csspart list - The `<ul>` of apps (also the loading skeleton's).
 * @csspart item - One app's `<li>`.
 * @csspart logo - The app's logo, or its monogram.
 * @csspart name - The app's name.
 * @csspart description - The app's description.
 * @csspart status - "Connected" / "Not connected".
 * @csspart actions - The box holding the row's buttons.
 * @csspart connect - The Connect / Reconnect button (its accessible name says which app): the `button` part of the row's `<outbound-app-button compact>`.
 * @csspart message - The reason a row's connect failed, under its button (the row button's `message` part).
 * @csspart disconnect - The Disconnect button (with the `disconnect` attribute, connected apps only).
 * @csspart skeleton - A placeholder row while loading.
 * @csspart empty - The empty or signed-out message.
 * @csspart error - The error message with its Retry button.
 * @csspart retry - The Retry button.
 *
 * @cssprop [--outbound-list-background] - Card background (the button background by default).
 * @cssprop [--outbound-list-border-color=#dadce0] - Card and row borders (dark scheme: #444746).
 * @cssprop [--outbound-list-muted-color] - Description and status text; a tint of the text colour by default.
 * @cssprop [--outbound-list-logo-size=32px] - Logo and monogram size.
 * @cssprop [--outbound-list-gap=12px] - Space between a row's logo, text, status and actions.
 * @cssprop [--outbound-list-item-padding=12px 16px] - Row padding.
 * @cssprop [--outbound-button-color] - Text colour, shared with `<outbound-app-button>`.
 * @cssprop [--outbound-button-border-color] - Button borders, shared with `<outbound-app-button>`.
 * @cssprop [--outbound-button-radius=4px] - Button radius (the card's is twice that).
 * @cssprop [--outbound-logo-background] - A tile behind the logos: white in the dark scheme (so a dark logo stays visible), none otherwise.
 * @cssprop [--outbound-focus-ring-color] - Focus ring.
 * @cssprop [--outbound-success-color] - The "Connected" status.
 * @cssprop [--outbound-error-color] - Disconnect and the error state.
 * @cssprop [--outbound-button-background] - The row buttons' background, and the card's when `--outbound-list-background` is unset.
 * @cssprop [--outbound-button-hover-background] - The row buttons' hover background.
 * @cssprop [--outbound-button-font-family] - Font family, shared with `<outbound-app-button>`.
 * @cssprop [--outbound-button-font-size] - Font size, shared with `<outbound-app-button>`.
 * @cssprop [--outbound-button-font-weight] - The row buttons' font weight.
 * @cssprop [--outbound-monogram-background] - Background of the monogram shown without a logo.
 * @cssprop [--outbound-monogram-color] - Letter colour of the monogram.
 *
 * @fires {CustomEvent<DisconnectDetail>} outbound-disconnect - The user asked to disconnect an app: remove its tokens on your backend (`deleteUserTokens`), then call `refresh()`.
 * @fires {CustomEvent<ConnectStartDetail>} outbound-connect-start - Before the connect call of a row's button. Cancelable.
 * @fires {CustomEvent<ConnectSuccessDetail>} outbound-connect-success - In popup mode (`mode="popup"` here, on an `<outbound-connect>` around it, or in `configure()`): a row's popup reported the app connected. (After a full-page redirect the success goes to a matching button, `<outbound-connect>` or `document`.)
 * @fires {CustomEvent<ConnectErrorDetail>} outbound-connect-error - A row's connect failed; `detail.code` says what.
 * @fires {CustomEvent<ConnectCancelDetail>} outbound-connect-cancel - The user came back without finishing, or closed a row's popup.
 */
export class OutboundAppList extends OutboundConfigElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
  `;
  static override properties: PropertyDeclarations = {
    apps: { attribute: 'apps', converter: idsConverter },
    disconnect: { attribute: 'disconnect', type: Boolean, reflect: true },
    strings: { attribute: false },
  };

  /** Only these app IDs (the attribute is space-separated); absent: every app of the project. */
  apps?: string[];

  /** Also offer Disconnect for connected apps (fires `outbound-disconnect`). */
  disconnect = false;

  /**
   * Replacements for this list's words, over the locale's and `configure({ strings })`'s
   * (see docs/languages.md), e.g. `{ listEmpty: 'Nothing to connect yet.' }`.
   */
  strings?: StringOverrides;

  #view?: AppListView;
  #loadFailed = false;
  #starting?: Promise<AppListView | undefined>;

  override connectedCallback(): void {
    super.connectedCallback();
    noteStatusShown(); // the page's buttons may turn connected in place: they hold that width
    void this.#start();
  }

  /**
   * Reloads the apps and their status from Descope (forgetting what the page had cached), and
   * tells the other elements of the page and the other tabs to do the same. Call it after a
   * disconnect on your backend, or after the user signed in. Resolves when the list is updated.
   */
  async refresh(): Promise<void> {
    await (await this.#start())?.refresh();
  }

  /** Loads the view (its own chunk) once; a failed load is retried by Retry or `refresh()`. */
  #start(): Promise<AppListView | undefined> {
    this.#starting ??= import('./outbound-app-list-view.js').then(
      ({ AppListView }) => {
        this.#loadFailed = false;
        this.#view ??= new AppListView(this);
        this.requestUpdate();
        return this.#view;
      },
      () => {
        this.#starting = undefined;
        this.#loadFailed = true;
        this.requestUpdate();
        return undefined;
      },
    );
    return this.#starting;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!INPUTS.some((name) => changed.has(name as keyof OutboundAppList))) return;
    void this.#view?.load();
    configChanged(); // the rows' buttons take their settings from the list
  }

  protected override render() {
    if (this.#view) return this.#view.render();
    const words = stringsFor(this, this.strings);
    return this.#loadFailed
      ? html`<p part="error">${words.listFailed()} <button part="retry" type="button" @click=${() => void this.refresh()}>${words.listRetry()}</button></p>`
      : html`<span role="status">${words.listLoading()}</span>`;
  }
}
