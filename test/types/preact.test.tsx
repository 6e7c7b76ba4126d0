// Preact: `import type {} from 'outbound-elements/types/preact'` types the tags in preact's JSX.
import type {} from 'outbound-elements/types/preact';

export const fine = (
  <outbound-connect project-id="P2x" mode="popup">
    <outbound-app-button
      app-id="google-contacts"
      scopes={['contacts.readonly']}
      getToken={async () => 'session-token'}
      class="connect"
      onClick={(event) => event.currentTarget.connect()}
      onoutbound-connect-error={(event) => console.log(event.detail.code)}
    />
    <outbound-app-list apps="google-contacts slack" />
  </outbound-connect>
);

// @ts-expect-error scopes is a list or a space-separated string, not a number
export const badScopes = <outbound-app-button app-id="slack" scopes={42} />;

// @ts-expect-error getToken is a function returning the token, not the token
export const badGetToken = <outbound-app-button app-id="slack" getToken="session-token" />;

// @ts-expect-error the error detail has code and message, no token
export const badDetail = <outbound-app-button app-id="slack" onoutbound-connect-error={(event) => event.detail.token} />;
