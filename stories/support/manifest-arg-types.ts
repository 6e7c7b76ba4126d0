/**
 * Controls from custom-elements.json: for each attribute a story renders, a control that fits its
 * type (a switch, a choice of the literal values, text); a colour picker or text field for each
 * `--outbound-…` token. The properties are documented in the same table, without a control of
 * their own (their attribute has one, or they take objects and functions).
 */
import manifest from '../../custom-elements.json';

interface Item {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
  attribute?: string;
  kind?: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Item[];
  members?: Item[];
  cssProperties?: Item[];
  cssParts?: Item[];
  slots?: Item[];
  events?: Item[];
}

function declarationOf(tagName: string): Declaration {
  const declarations = (manifest.modules as { declarations?: Declaration[] }[]).flatMap((module) => module.declarations ?? []);
  return declarations.find((declaration) => declaration.tagName === tagName) ?? {};
}

function controlFor(type = ''): Record<string, unknown> {
  const literals = [...type.matchAll(/'([^']+)'/g)].map((match) => match[1]);
  if (literals.length > 1) return { control: 'inline-radio', options: literals };
  if (/^boolean/.test(type)) return { control: 'boolean' };
  return { control: 'text' };
}

export function argTypesFor(tagName: string, renderedAttributes: string[]): Record<string, Record<string, unknown>> {
  const declaration = declarationOf(tagName);
  const argTypes: Record<string, Record<string, unknown>> = {};
  for (const member of declaration.members ?? []) {
    if (member.kind === 'field' && member.attribute !== member.name) argTypes[member.name] = { control: false };
  }
  for (const attribute of declaration.attributes ?? []) {
    argTypes[attribute.name] = {
      ...(renderedAttributes.includes(attribute.name) ? controlFor(attribute.type?.text) : { control: false }),
      // Spelled out: Storybook files parts and slots under the same key, and `label` and `logo`
      // are an attribute, a part and a slot at once. The parts and slots get keys of their own.
      name: attribute.name,
      description: attribute.description,
      table: { category: 'attributes', type: { summary: attribute.type?.text } },
    };
  }
  const isAttribute = (name: string) => (declaration.attributes ?? []).some((attribute) => attribute.name === name);
  for (const part of declaration.cssParts ?? []) {
    if (!isAttribute(part.name)) argTypes[part.name] = { table: { disable: true } };
    argTypes[`::part(${part.name})`] = { control: false, description: part.description, table: { category: 'css shadow parts' } };
  }
  for (const slot of declaration.slots ?? []) {
    if (slot.name && !isAttribute(slot.name)) argTypes[slot.name] = { table: { disable: true } };
    argTypes[slot.name ? `slot="${slot.name}"` : '(default slot)'] = { control: false, description: slot.description, table: { category: 'slots' } };
  }
  for (const event of declaration.events ?? []) {
    argTypes[event.name] = { control: false, description: event.description, table: { category: 'events', type: { summary: event.type?.text } } };
  }
  for (const token of declaration.cssProperties ?? []) {
    argTypes[token.name] = {
      control: /color|background/.test(token.name) ? 'color' : 'text',
      description: token.description,
      table: { category: 'css custom properties', defaultValue: { summary: token.default } },
    };
  }
  return argTypes;
}
