import 'outbound-elements';
import { useState } from 'react';
import { getToken, isSignedIn, signIn } from '@outbound-examples/host';

// #region recipe
export function ConnectGitHub() {
  const [connected, setConnected] = useState('');
  return (
    <>
      <outbound-app-button
        app-id="github"
        app-name="GitHub"
        scopes={['repo', 'read:user']}
        getToken={getToken}
        onoutbound-connect-success={(event) => setConnected(event.detail.appId)}
        onoutbound-connect-error={(event) => console.warn(event.detail.code, event.detail.message)}
      />
      {connected && <p role="status">Connected {connected}</p>}
    </>
  );
}
// #endregion

export function App() {
  const [signedIn, setSignedIn] = useState(isSignedIn());
  return (
    <main>
      <h1>React 19</h1>
      {signedIn ? <ConnectGitHub /> : <button id="signin" onClick={() => signIn().then(() => setSignedIn(true))}>Sign in as the demo user</button>}
    </main>
  );
}
