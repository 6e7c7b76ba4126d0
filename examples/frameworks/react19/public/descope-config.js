// The Descope project this app uses: here the local emulator (npx outbound-emulator).
window.descopeConfig = { projectId: 'P2OutboundElementsEmulator01', baseUrl: 'http://127.0.0.1:4510' };
