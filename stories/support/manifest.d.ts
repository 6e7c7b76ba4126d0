/** custom-elements.json is generated (npm run manifest) before Storybook runs; the part stories read. */
declare module '*/custom-elements.json' {
  const manifest: { schemaVersion: string; modules: { path: string; declarations?: unknown[] }[] };
  export default manifest;
}
