/** Ancestors in the composed tree: parent nodes, stepping from a shadow root to its host. */
export function* composedAncestors(node: Node): Generator<Element> {
  let current: Node | null = node.parentNode ?? null;
  while (current) {
    if (current instanceof ShadowRoot) current = current.host;
    if (current instanceof Element) yield current;
    current = current.parentNode;
  }
}
