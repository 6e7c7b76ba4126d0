/**
 * German strings for the elements: `outbound-elements/locales/de`. A plain table with no side
 * effect; register it with `configure({ locales: { de } })` and it serves every element whose
 * nearest `lang` is `de` or `de-…`.
 */
import type { StringOverrides } from '../elements/strings.js';

export const de = {
  connect: (app: string) => `${app} verbinden`,
  reconnect: (app: string) => `${app} erneut verbinden`,
  connecting: (app: string) => `Verbindung mit ${app} wird hergestellt …`,
  connected: (app: string) => `${app} ist verbunden`,
  canceled: (app: string) => `Verbindung mit ${app} wurde abgebrochen`,
  failed: (app: string, reason: string) => `${app} konnte nicht verbunden werden. ${reason}`,
  unnamedApp: () => 'die App',
  disconnect: (app: string) => `${app} trennen`,
  listConnect: () => 'Verbinden',
  listReconnect: () => 'Erneut verbinden',
  listDisconnect: () => 'Trennen',
  listConnected: () => 'Verbunden',
  listNotConnected: () => 'Nicht verbunden',
  listConnecting: () => 'Verbindung wird hergestellt …',
  listLoading: () => 'Apps werden geladen …',
  listEmpty: () => 'Keine Apps vorhanden.',
  listSignedOut: () => 'Melden Sie sich an, um Ihre Apps zu sehen.',
  listFailed: () => 'Die Apps konnten nicht geladen werden.',
  listRetry: () => 'Erneut versuchen',
  inPopup: (app: string) => `Schließen Sie die Verbindung mit ${app} im Pop-up-Fenster ab. Drücken Sie die Schaltfläche, um es wieder anzuzeigen, oder „Abbrechen“.`,
  cancelConnecting: (app: string) => `Verbindung mit ${app} abbrechen`,
  reasons: {
    unauthenticated: 'Melden Sie sich an und versuchen Sie es erneut.',
    forbidden: 'Sie haben keinen Zugriff auf diese App.',
    'rate-limited': 'Zu viele Versuche. Versuchen Sie es gleich noch einmal.',
    network: 'Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    'provider-error': 'Der Zugriff wurde nicht gewährt.',
    'popup-blocked': 'Erlauben Sie Pop-ups für diese Website und versuchen Sie es erneut.',
    default: 'Etwas ist schiefgelaufen. Versuchen Sie es später erneut.',
  },
} satisfies StringOverrides;

export default de;
