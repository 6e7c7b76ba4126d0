// outbound-elements/react: the @lit/react components, their event props and useReturnOutcome().
import { useRef } from 'react';
import { OutboundAppButton, OutboundAppList, OutboundConnect, useReturnOutcome } from 'outbound-elements/react';
import type { OutboundAppButton as ButtonElement, ConnectErrorDetail } from 'outbound-elements';

export function Settings() {
  const button = useRef<ButtonElement>(null);
  const outcome = useReturnOutcome('google-contacts');
  const code: ConnectErrorDetail['code'] | undefined = outcome?.error?.code;
  return (
    <OutboundConnect projectId="P2x" baseUrl="https://api.descope.com" tenantLevel onConnectCancel={(event) => event.detail.appId}>
      <p>{outcome?.kind === 'success' ? 'Connected' : code}</p>
      <OutboundAppButton
        ref={button}
        appId="google-contacts"
        scopes={['contacts.readonly']}
        getToken={async () => 'session-token'}
        returnState={{ view: 'settings' }}
        onConnectStart={(event) => event.detail.redirectUrl.length > 200 && event.preventDefault()}
        onConnectSuccess={(event) => event.detail.scopes?.join(' ')}
        onConnectError={(event) => console.error(event.detail.code, event.detail.status)}
      />
      <OutboundAppButton appId="slack" scopes="chat:write channels:read" />
      <OutboundAppList apps={['google-contacts']} disconnect onDisconnect={(event) => event.detail.appId} />
    </OutboundConnect>
  );
}

// @ts-expect-error scopes is a list or a space-separated string, not a number
export const badScopes = <OutboundAppButton appId="slack" scopes={42} />;

// @ts-expect-error getToken is a function returning the token, not the token
export const badGetToken = <OutboundAppButton appId="slack" getToken="session-token" />;

// @ts-expect-error the list fires onDisconnect; a button does not
export const badEvent = <OutboundAppButton appId="slack" onDisconnect={() => {}} />;

// @ts-expect-error the error detail has code and message, no token
export const badDetail = <OutboundAppButton appId="slack" onConnectError={(event) => event.detail.token} />;

// @ts-expect-error status is read-only: the element reports it
export const badStatus = <OutboundAppButton appId="slack" status="connected" />;

// @ts-expect-error an app ID is a string
export const badOutcome = useReturnOutcome(42);
