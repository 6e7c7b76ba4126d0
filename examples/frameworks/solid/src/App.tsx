import { createSignal, Show } from 'solid-js';
import { getToken, isSignedIn, signIn } from '@outbound-examples/host';

// #region recipe
export function ConnectGitHub() {
  const [connected, setConnected] = createSignal('');
  return (
    <>
      <outbound-app-button
        app-id="github"
        app-name="GitHub"
        prop:scopes={['repo', 'read:user']}
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
// #endregion

export function App() {
  const [signedIn, setSignedIn] = createSignal(isSignedIn());
  return (
    <main>
      <h1>Solid</h1>
      <Show when={signedIn()} fallback={<button id="signin" onClick={() => signIn().then(() => setSignedIn(true))}>Sign in as the demo user</button>}>
        <ConnectGitHub />
      </Show>
    </main>
  );
}
