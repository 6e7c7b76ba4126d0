// The entry points without a framework, as a Node (NodeNext) project resolves them: the drop-in
// (`./cdn`, the documented names only), the emulator, and core.
import { configure, OutboundAppButton } from 'outbound-elements/cdn';
import { startEmulator } from 'outbound-elements/emulator';
import { onReturnOutcome, type ReturnOutcome } from 'outbound-elements/core';

configure({ projectId: 'P2x', baseUrl: 'http://127.0.0.1:4510' });
export const tag: string = new OutboundAppButton().localName;

export async function emulator(): Promise<string> {
  const running = await startEmulator({ port: 0, quiet: true });
  await running.close();
  return running.baseUrl;
}

export const stop = onReturnOutcome((outcome: ReturnOutcome) => outcome.kind);

// @ts-expect-error the drop-in exports configure and the three element classes, no internals
export { connect } from 'outbound-elements/cdn';

// @ts-expect-error port is a number
void startEmulator({ port: '4510' });
