// A deliberately wrong binding: the success event handed to a handler that expects an error's
// detail. `ngc` (strictTemplates) must reject it; test/frameworks/ checks that it does.
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import type { ConnectErrorDetail } from 'outbound-elements';

@Component({
  selector: 'app-wrong-binding',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<outbound-app-button app-id="github" (outbound-connect-success)="onError($event)"></outbound-app-button>`,
})
export class WrongBindingComponent {
  protected onError(event: CustomEvent<ConnectErrorDetail>) {
    console.warn(event.detail.code);
  }
}
