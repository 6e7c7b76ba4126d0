'use client';
import { useState } from 'react';
import { OutboundAppButton, useReturnOutcome } from 'outbound-elements/react';
import { getToken } from '@outbound-examples/host';

export function ConnectGitHub() {
  const [connected, setConnected] = useState('');
  // Coming back from the provider, the success is reported as the page loads, before React has
  // hydrated and attached onConnectSuccess: useReturnOutcome() replays it.
  const outcome = useReturnOutcome('github');
  const appId = connected || (outcome?.kind === 'success' ? outcome.appId : '');
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
      {appId && <p role="status">Connected {appId}</p>}
    </>
  );
}
