// React 19 with the plain tags: `import type {} from 'outbound-elements/types/react'` types them
// in React.JSX.IntrinsicElements. Each @ts-expect-error is a binding that must not compile.
import type {} from 'outbound-elements/types/react';
import type { OutboundAppButton } from 'outbound-elements';

const getToken = async () => 'session-token';

export const fine = (
  <outbound-connect project-id="P2x" base-url="https://api.descope.com" mode="popup" tenant-level>
    <outbound-app-button
      app-id="google-contacts"
      scopes={['https://www.googleapis.com/auth/contacts.readonly']}
      getToken={getToken}
      returnState={{ view: 'settings' }}
      size="lg"
      className="connect"
      style={{ marginInline: 8 }}
      onClick={(event) => event.currentTarget.connect()}
      onoutbound-connect-error={(event) => console.log(event.detail.code, event.detail.message)}
      onoutbound-connect-success={(event) => console.log(event.detail.appId, event.detail.returnState)}
      ref={(element: OutboundAppButton | null) => void element?.connect()}
    />
    <outbound-app-button app-id="slack" scopes="chat:write channels:read" />
    <outbound-app-list apps="google-contacts slack" disconnect onoutbound-disconnect={(event) => event.detail.appId} />
  </outbound-connect>
);

// @ts-expect-error scopes is a list or a space-separated string, not a number
export const badScopes = <outbound-app-button app-id="slack" scopes={42} />;

// @ts-expect-error getToken is a function returning the token, not the token
export const badGetToken = <outbound-app-button app-id="slack" getToken="session-token" />;

// @ts-expect-error mode is redirect, popup or auto
export const badMode = <outbound-app-button app-id="slack" mode="modal" />;

// @ts-expect-error status is read-only: the element reports it
export const badStatus = <outbound-app-button app-id="slack" status="connected" />;

export const badDetail = (
  <outbound-app-button
    app-id="slack"
    // @ts-expect-error the error detail has code and message, no token
    onoutbound-connect-error={(event) => event.detail.token}
  />
);
