import { useState } from 'react';
import { OutboundAppButton } from 'outbound-elements/react';
import { getToken } from '@outbound-examples/host';

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
