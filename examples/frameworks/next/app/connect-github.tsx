'use client';
// #region recipe
import 'outbound-elements';
import { useEffect, useState } from 'react';
import { onReturnOutcome } from 'outbound-elements/core';
import { getToken, isSignedIn, signIn } from '@outbound-examples/host';

export function ConnectGitHub() {
  const [connected, setConnected] = useState('');
  // The return from the provider is reported as the page loads, before React has hydrated and
  // attached its listeners: onReturnOutcome replays it.
  useEffect(() => onReturnOutcome((outcome) => outcome.kind === 'success' && setConnected(outcome.appId)), []);
  return (
    <>
      <outbound-app-button
        app-id="github"
        app-name="GitHub"
        scopes={['repo', 'read:user']}
        getToken={getToken}
        onoutbound-connect-error={(event) => console.warn(event.detail.code, event.detail.message)}
      />
      {connected && <p role="status">Connected {connected}</p>}
      <SignIn />
    </>
  );
}
// #endregion

function SignIn() {
  const [signedIn, setSignedIn] = useState<boolean>();
  useEffect(() => setSignedIn(isSignedIn()), []);
  if (signedIn !== false) return null;
  return <button id="signin" onClick={() => signIn().then(() => setSignedIn(true))}>Sign in as the demo user</button>;
}
