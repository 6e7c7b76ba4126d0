// Solid: `import type {} from 'outbound-elements/types/solid'` types the tags in solid-js's JSX,
// with `prop:` for properties (a plain `getToken={fn}` would become the attribute `gettoken`)
// and `on:` for the events.
import type {} from 'outbound-elements/types/solid';

export const fine = (
  <outbound-connect project-id="P2x" mode="popup">
    <outbound-app-button
      app-id="google-contacts"
      scopes="contacts.readonly"
      prop:getToken={async () => 'session-token'}
      prop:returnState={{ view: 'settings' }}
      on:outbound-connect-error={(event) => console.log(event.detail.code)}
      on:outbound-connect-success={(event) => console.log(event.detail.appId)}
    />
    <outbound-app-list apps="google-contacts slack" on:outbound-disconnect={(event) => event.detail.appId} />
  </outbound-connect>
);

// @ts-expect-error getToken is a function returning the token, not the token
export const badGetToken = <outbound-app-button app-id="slack" prop:getToken="session-token" />;

// @ts-expect-error mode is redirect, popup or auto
export const badMode = <outbound-app-button app-id="slack" mode="modal" />;

// @ts-expect-error the error detail has code and message, no token
export const badDetail = <outbound-app-button app-id="slack" on:outbound-connect-error={(event) => event.detail.token} />;
