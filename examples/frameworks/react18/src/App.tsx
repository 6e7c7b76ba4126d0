import { useState } from 'react';
import { isSignedIn, signIn } from '@outbound-examples/host';
import { ConnectGitHub } from './ConnectGitHub';

export function App() {
  const [signedIn, setSignedIn] = useState(isSignedIn());
  return (
    <main>
      <h1>React 18</h1>
      {signedIn ? <ConnectGitHub /> : <button id="signin" onClick={() => signIn().then(() => setSignedIn(true))}>Sign in as the demo user</button>}
    </main>
  );
}
