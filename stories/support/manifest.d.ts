/** custom-elements.json is generated (npm run manifest) before Storybook runs; its shape, for stories. */
declare module '*/custom-elements.json' {
  const manifest: { schemaVersion: string; modules: { path: string; declarations?: { tagName?: string; cssProperties?: { name: string; description?: string; default?: string }[] }[] }[] };
  export default manifest;
}
