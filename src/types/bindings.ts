/**
 * The elements' types as a framework binding sets them, for the generated typings of
 * `outbound-elements/types/*` (custom-elements-manifest.config.mjs names this module): the
 * classes' own property types, except where a setter takes more than its getter returns.
 */
import type { OutboundAppButton as Button, OutboundAppList as List } from '../elements/index.js';

export type { OutboundConnect } from '../elements/index.js';
export type { ConnectStartDetail, ConnectSuccessDetail, ConnectErrorDetail, ConnectCancelDetail, DisconnectDetail } from '../events.js';

/** `scopes` also takes a space-separated string (it reads back as an array). */
export type OutboundAppButton = Omit<Button, 'scopes'> & { scopes: string[] | string | undefined };

/** `apps` also takes a space-separated string, as the attribute does. */
export type OutboundAppList = Omit<List, 'apps'> & { apps: string[] | string | undefined };
