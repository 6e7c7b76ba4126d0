import { createSignal, Show } from 'solid-js';
import { isSignedIn, signIn } from '@outbound-examples/host';
import { ConnectGitHub } from './ConnectGitHub';

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
