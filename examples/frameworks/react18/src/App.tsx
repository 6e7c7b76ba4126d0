import { useState } from 'react';
import { OutboundAppButton } from 'outbound-elements/react';
import { getToken, isSignedIn, signIn } from '@outbound-examples/host';

// #region recipe
export function ConnectGitHub() {
  const [connected, setConnected] = useState('');
  return (
    <>
      <OutboundAppButton
        appId="github"
        appName="GitHub"
        scopes={['repo', 'read:user']}
        getToken={getToken}
        onConnectSuccess={(event) => setConnected(event.detail.appId)}
        onConnectError={(event) => console.warn(event.detail.code, event.detail.message)}
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
      <h1>React 18</h1>
      {signedIn ? <ConnectGitHub /> : <button id="signin" onClick={() => signIn().then(() => setSignedIn(true))}>Sign in as the demo user</button>}
    </main>
  );
}
