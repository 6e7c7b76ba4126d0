// The custom elements manifest (custom-elements.json), generated from the sources' JSDoc.

/** Private reactive state (`_name`) is not API: keep it out of the manifest. */
const withoutPrivateMembers = {
  name: 'without-private-members',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      // define.ts registers through a helper the analyzer reads as a tag named "tag"; the
      // declarations carry the real names (@tagname).
      module.exports = module.exports?.filter((e) => !(e.kind === 'custom-element-definition' && e.name === 'tag'));
      for (const declaration of module.declarations ?? []) {
        const isPublic = (item) =>
          !item.name?.startsWith('_') && !item.static && item.privacy !== 'private' && item.privacy !== 'protected';
        if (declaration.members) declaration.members = declaration.members.filter(isPublic);
        if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => isPublic(a) && !a.fieldName?.startsWith('_'));
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/cdn.ts'],
  outdir: '.',
  litelement: true,
  plugins: [withoutPrivateMembers],
};
