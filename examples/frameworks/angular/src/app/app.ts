import { Component, signal } from '@angular/core';
import { isSignedIn, signIn } from '@outbound-examples/host';
import { ConnectGitHubComponent } from './connect-github';

@Component({
  selector: 'app-root',
  imports: [ConnectGitHubComponent],
  template: `
    <main>
      <h1>Angular</h1>
      @if (signedIn()) {
        <app-connect-github />
      } @else {
        <button id="signin" (click)="onSignIn()">Sign in as the demo user</button>
      }
    </main>
  `,
})
export class AppComponent {
  protected readonly signedIn = signal(isSignedIn());
  protected onSignIn() {
    signIn().then(() => this.signedIn.set(true));
  }
}
