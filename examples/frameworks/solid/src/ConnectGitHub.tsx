import type {} from 'outbound-elements/types/solid';
import { createSignal, Show } from 'solid-js';
import { getToken } from '@outbound-examples/host';

export function ConnectGitHub() {
  const [connected, setConnected] = createSignal('');
  return (
    <>
      <outbound-app-button
        app-id="github"
        app-name="GitHub"
        scopes="repo read:user"
        prop:getToken={getToken}
        on:outbound-connect-success={(event) => setConnected(event.detail.appId)}
        on:outbound-connect-error={(event) => console.warn(event.detail.code, event.detail.message)}
      />
      <Show when={connected()}>
        <p role="status">Connected {connected()}</p>
      </Show>
    </>
  );
}
