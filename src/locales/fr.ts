/**
 * French strings for the elements: `outbound-elements/locales/fr`. A plain table with no side
 * effect; register it with `configure({ locales: { fr } })` and it serves every element whose
 * nearest `lang` is `fr` or `fr-…` (or every element, with `configure({ locale: 'fr' })`).
 */
import type { StringOverrides } from '../elements/strings.js';

export const fr = {
  connect: (app: string) => `Connecter ${app}`,
  reconnect: (app: string) => `Reconnecter ${app}`,
  connecting: (app: string) => `Connexion à ${app}…`,
  connected: (app: string) => `${app} est connecté`,
  canceled: (app: string) => `La connexion à ${app} a été annulée`,
  failed: (app: string, reason: string) => `Impossible de connecter ${app}. ${reason}`,
  unnamedApp: () => 'l’application',
  disconnect: (app: string) => `Déconnecter ${app}`,
  listConnect: () => 'Connecter',
  listReconnect: () => 'Reconnecter',
  listDisconnect: () => 'Déconnecter',
  listConnected: () => 'Connecté',
  listNotConnected: () => 'Non connecté',
  listConnecting: () => 'Connexion…',
  listLoading: () => 'Chargement des applications…',
  listEmpty: () => 'Aucune application à afficher.',
  listSignedOut: () => 'Connectez-vous pour voir vos applications.',
  listFailed: () => 'Impossible de charger les applications.',
  listRetry: () => 'Réessayer',
  inPopup: (app: string) => `Terminez la connexion à ${app} dans la fenêtre pop-up. Appuyez sur le bouton pour l’afficher de nouveau, ou sur Annuler.`,
  cancelConnecting: (app: string) => `Annuler la connexion à ${app}`,
  reasons: {
    unauthenticated: 'Connectez-vous, puis réessayez.',
    forbidden: 'Vous n’avez pas accès à cette application.',
    'rate-limited': 'Trop de tentatives. Réessayez dans un instant.',
    network: 'Vérifiez votre connexion, puis réessayez.',
    'provider-error': 'L’accès n’a pas été accordé.',
    'popup-blocked': 'Autorisez les fenêtres pop-up pour ce site, puis réessayez.',
    default: 'Un problème est survenu. Réessayez plus tard.',
  },
} satisfies StringOverrides;

export default fr;
