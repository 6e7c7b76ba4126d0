/**
 * A Lit reactive controller that renders an element from the page's connection state
 * (core/connection-state.ts): the element re-renders when the state of a connection it shows
 * changes, or when the configuration it inherits changes (its tenant may change with it).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onConfigChange } from '../core/config.js';
import { getConnection, onConnectionChange, type ConnectionState } from '../core/connection-state.js';

export class ConnectionController implements ReactiveController {
  #unsubscribe: (() => void)[] = [];

  /**
   * @param id the app ID and tenant the host shows, or `undefined` for a host that shows every
   *   connection (a list).
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly id?: () => [appId: string, tenantId: string | undefined],
  ) {
    host.addController(this);
  }

  /** The state of the host's connection. */
  get state(): ConnectionState {
    return this.id ? getConnection(...this.id()) : { status: 'idle' };
  }

  hostConnected(): void {
    this.#unsubscribe = [
      onConnectionChange((appId, tenantId) => {
        if (!this.id || appId === undefined) return this.host.requestUpdate();
        const [mine, myTenant] = this.id();
        if (appId === mine && tenantId === myTenant) this.host.requestUpdate();
      }),
      onConfigChange(() => this.host.requestUpdate()),
    ];
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
  }
}
