/**
 * Configuration an element inherits may arrive after the element has read the app catalog: an
 * `<outbound-connect>` whose attributes a framework sets a moment later, or a `configure()` call
 * after the drop-in loaded. This tells the catalog readers to read again, once per microtask.
 */
import { onConfigure } from '../core/config.js';

const listeners = new Set<() => void>();
let queued = false;

/** Calls `listener` after inherited configuration changed; returns the unsubscribe function. */
export function onInheritedConfigChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function inheritedConfigChanged(): void {
  if (queued || listeners.size === 0) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    for (const listener of [...listeners]) listener();
  });
}

onConfigure(inheritedConfigChanged);
