// The host page's own Descope SDK (the UMD build's global `Descope`, loaded by index.html before
// the modules), one instance for every script of the demo: the session it persists is the one
// the elements find. null if the UMD build did not load.
import demoConfig from '/demo-config.js';

function createHostSdk() {
  const umd = globalThis.Descope;
  const create = typeof umd === 'function' ? umd : (umd?.default ?? umd?.createSdk);
  if (typeof create !== 'function') {
    console.error('demo: /vendor/descope-web-js-sdk.js did not define the global Descope.');
    return null;
  }
  return create({ projectId: demoConfig.projectId, baseUrl: demoConfig.baseUrl, persistTokens: true });
}

export const hostSdk = createHostSdk();
