import type {} from 'outbound-elements/types/preact';
import { useState } from 'preact/hooks';
import { getToken } from '@outbound-examples/host';

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
