/** Ancestors in the composed tree: parent nodes, stepping from a shadow root to its host. */
export function* composedAncestors(node: Node): Generator<Element> {
  let current: Node | null = node.parentNode ?? null;
  while (current) {
    if (current instanceof ShadowRoot) current = current.host;
    if (current instanceof Element) yield current;
    current = current.parentNode;
  }
}

/**
 * The `<outbound-connect>` elements around `node`, nearest first, across shadow roots: the
 * configuration layers between an element's own settings and `configure()`. Matched by tag, not
 * class: a second copy of the package defines no class of its own.
 */
export function* enclosingProviders(node: Node): Generator<Element> {
  for (const ancestor of composedAncestors(node)) if (ancestor.localName === 'outbound-connect') yield ancestor;
}
