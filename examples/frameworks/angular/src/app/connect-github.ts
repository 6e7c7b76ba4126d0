import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { getToken } from '@outbound-examples/host';
import type { ConnectErrorDetail, ConnectSuccessDetail } from 'outbound-elements';

@Component({
  selector: 'app-connect-github',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <outbound-app-button
      app-id="github"
      app-name="GitHub"
      [scopes]="['repo', 'read:user']"
      [getToken]="getToken"
      (outbound-connect-success)="onConnected($event)"
      (outbound-connect-error)="onError($event)"
    ></outbound-app-button>
    @if (connected()) {
      <p role="status">Connected {{ connected() }}</p>
    }
  `,
})
export class ConnectGitHubComponent {
  protected readonly getToken = getToken;
  protected readonly connected = signal('');
  protected onConnected(event: CustomEvent<ConnectSuccessDetail>) {
    this.connected.set(event.detail.appId);
  }
  protected onError(event: CustomEvent<ConnectErrorDetail>) {
    console.warn(event.detail.code, event.detail.message);
  }
}
