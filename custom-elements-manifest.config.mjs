// The custom elements manifest (custom-elements.json), generated from the sources' JSDoc, and
// from it every framework's typings and the editors' data (dist/types/, dist/editors/):
// the break-stuff `custom-element-*-integration` generators, not hand-written types.
import { writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateSolidJsTypes } from 'custom-element-solidjs-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

/** Private reactive state (`_name`), symbol-keyed members and statics are not API: out of the manifest. */
const withoutPrivateMembers = {
  name: 'without-private-members',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      // define.ts registers through a helper the analyzer reads as a tag named "tag"; the
      // declarations carry the real names (@tagname).
      module.exports = module.exports?.filter((e) => !(e.kind === 'custom-element-definition' && e.name === 'tag'));
      for (const declaration of module.declarations ?? []) {
        const isPublic = (item) =>
          !item.name?.startsWith('_') &&
          !item.name?.startsWith('[') &&
          !item.static &&
          item.privacy !== 'private' &&
          item.privacy !== 'protected';
        if (declaration.members) declaration.members = declaration.members.filter(isPublic);
        if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => isPublic(a) && !a.fieldName?.startsWith('_'));
      }
    }
  },
};

/** `src/elements/x.ts` → `dist/elements/x.js`: the manifest names the files the package ships. */
const toDist = (path) => path.replace(/^\/?src\/(.*)\.ts$/, 'dist/$1.js').replace(/^\/?src\/(.*)\.js$/, 'dist/$1.js');

/**
 * Every `path` and `module` of the manifest points into dist/ (what the tarball holds), not src/;
 * a re-export's `./elements/index.js` (relative to its module) becomes `dist/elements/index.js`.
 */
const pathsIntoDist = {
  name: 'paths-into-dist',
  packageLinkPhase({ customElementsManifest }) {
    const visit = (node, dir) => {
      if (Array.isArray(node)) return node.forEach((item) => visit(item, dir));
      if (!node || typeof node !== 'object') return;
      for (const key of Object.keys(node)) {
        if ((key === 'path' || key === 'module') && typeof node[key] === 'string') {
          node[key] = toDist(node[key].startsWith('.') ? posix.join(dir, node[key]) : node[key]);
        } else visit(node[key], dir);
      }
    };
    for (const module of customElementsManifest.modules) visit(module, posix.dirname(module.path));
  },
};

/**
 * The manifest as the generators read it. Their event `type` is the `detail`'s type (they write
 * `CustomEvent<type>`), where the manifest's is the event's (`CustomEvent<ConnectErrorDetail>`);
 * a read-only property (`status`) is not something a binding sets.
 */
function forGenerators(manifest) {
  const copy = structuredClone(manifest);
  for (const module of copy.modules) {
    for (const declaration of module.declarations ?? []) {
      for (const event of declaration.events ?? []) {
        // Named inline (`import('./bindings.js').X`): the generators import a bare name once per
        // element, and three elements firing the same events would import it three times.
        const detail = /^CustomEvent<(\w+)>$/.exec(event.type?.text ?? '')?.[1];
        if (detail) event.type.text = `import('${typed.globalTypePath}').${detail}`;
      }
      if (declaration.members) declaration.members = declaration.members.filter((m) => !m.readonly);
    }
  }
  return copy;
}

const camel = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());

/**
 * Vue's template type-check (vue-tsc) matches a binding by its camelCase name: `app-id` and
 * `:appId` are the prop `appId`, `@outbound-connect-error` the prop `onOutboundConnectError`.
 * custom-element-vuejs-integration keys props by the attribute's name and events as
 * `on<event-name>`, which strictTemplates then rejects; these names are what it must write.
 * (At run time Vue still sets `app-id` as an attribute and listens for `outbound-connect-error`.)
 */
function forVue(manifest) {
  const copy = structuredClone(manifest);
  for (const module of copy.modules) {
    for (const declaration of module.declarations ?? []) {
      for (const attribute of declaration.attributes ?? []) attribute.name = attribute.fieldName ?? camel(attribute.name);
      for (const event of declaration.events ?? []) event.name = camel(`-${event.name}`);
    }
  }
  return copy;
}

// Types come from the package's own declarations, through dist/types/bindings.d.ts (from
// src/types/bindings.ts): the elements' types as a binding sets them (`scopes` and `apps` also
// take a space-separated string). Paths are relative to dist/types/.
const typed = { outdir: './dist/types', globalTypePath: './bindings.js', hideLogs: true };
const editors = { outdir: './dist/editors', hideLogs: true };

/**
 * `outbound-elements/types/<framework>`: a generated map of tags, in the framework's own
 * namespace, with its own HTML attributes (`class`, `style`, `onClick`, `ref`…) for each tag.
 */
const augmentation = ({ framework, map, imports, attributes, declare }) => `// Generated by custom-elements-manifest.config.mjs from custom-elements.json. Typed <outbound-…> tags
// in ${framework}: \`import type {} from 'outbound-elements/types/${framework}';\` once in the app.
import type { CustomElements } from './${map}.js';
import type {} from '../define.js'; // HTMLElementTagNameMap: the tags' element classes
${imports}

type Tags = { [Tag in keyof CustomElements]: CustomElements[Tag] & ${attributes} };

${declare}
`;

const jsxNamespace = (module) => `declare module '${module}' {\n  namespace JSX {\n    interface IntrinsicElements extends Tags {}\n  }\n}`;

const augmentations = [
  {
    framework: 'react',
    map: 'jsx',
    imports: "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
    attributes: 'DetailedHTMLProps<HTMLAttributes<HTMLElementTagNameMap[Tag]>, HTMLElementTagNameMap[Tag]>',
    declare: jsxNamespace('react'),
  },
  {
    // Preact 11 (Preact 10 keeps HTMLAttributes in its JSX namespace: see docs/frameworks.md).
    framework: 'preact',
    map: 'jsx',
    imports: "import type { HTMLAttributes } from 'preact';",
    attributes: 'HTMLAttributes<HTMLElementTagNameMap[Tag]>',
    declare: jsxNamespace('preact'),
  },
  {
    // The solid generator writes `prop:` / `on:` / `attr:` bindings; this puts them in solid-js's JSX.
    framework: 'solid',
    map: 'solid-elements',
    imports: "import type { JSX } from 'solid-js';",
    attributes: 'JSX.HTMLAttributes<HTMLElementTagNameMap[Tag]>',
    declare: jsxNamespace('solid-js'),
  },
  {
    // Svelte 5 sets a custom element's properties and listens with `on<event>` attributes, as
    // React 19 does: the JSX map, in SvelteHTMLElements. (custom-element-svelte-integration 1.2
    // writes Svelte 4's `on:` syntax into a module-scoped namespace that augments nothing.)
    framework: 'svelte',
    map: 'jsx',
    imports: "import type { HTMLAttributes } from 'svelte/elements';",
    attributes: 'HTMLAttributes<HTMLElementTagNameMap[Tag]>',
    declare: "declare module 'svelte/elements' {\n  interface SvelteHTMLElements extends Tags {}\n}",
  },
];

const frameworkTypings = {
  name: 'framework-typings',
  packageLinkPhase({ customElementsManifest }) {
    const manifest = forGenerators(customElementsManifest);
    generateJsxTypes(manifest, { ...typed, fileName: 'jsx.d.ts' });
    generateSolidJsTypes(manifest, { ...typed, fileName: 'solid-elements.d.ts' });
    generateVuejsTypes(forVue(manifest), { ...typed, fileName: 'vue.d.ts' });
    for (const typing of augmentations) writeFileSync(`dist/types/${typing.framework}.d.ts`, augmentation(typing));
    generateVsCodeCustomElementData(manifest, { ...editors, htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json' });
    generateJetBrainsWebTypes(manifest, { ...editors, webTypesFileName: 'web-types.json' });
  },
};

export default {
  // The modules the package's entry points ship (src/cdn.ts is the drop-in's entry, src/callback
  // the popup page: neither declares an element).
  globs: ['src/index.ts', 'src/define.ts', 'src/events.ts', 'src/elements/*.ts'],
  outdir: '.',
  litelement: true,
  plugins: [withoutPrivateMembers, pathsIntoDist, frameworkTypings],
};
