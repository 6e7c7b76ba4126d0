/**
 * Spanish strings for the elements: `outbound-elements/locales/es`. A plain table with no side
 * effect; register it with `configure({ locales: { es } })` and it serves every element whose
 * nearest `lang` is `es` or `es-…`.
 */
import type { StringOverrides } from '../elements/strings.js';

export const es = {
  connect: (app: string) => `Conectar ${app}`,
  reconnect: (app: string) => `Volver a conectar ${app}`,
  connecting: (app: string) => `Conectando con ${app}…`,
  connected: (app: string) => `${app} está conectado`,
  canceled: (app: string) => `Se canceló la conexión con ${app}`,
  failed: (app: string, reason: string) => `No se pudo conectar ${app}. ${reason}`,
  unnamedApp: () => 'la aplicación',
  disconnect: (app: string) => `Desconectar ${app}`,
  listConnect: () => 'Conectar',
  listReconnect: () => 'Volver a conectar',
  listDisconnect: () => 'Desconectar',
  listConnected: () => 'Conectado',
  listNotConnected: () => 'No conectado',
  listConnecting: () => 'Conectando…',
  listLoading: () => 'Cargando aplicaciones…',
  listEmpty: () => 'No hay aplicaciones para mostrar.',
  listSignedOut: () => 'Inicia sesión para ver tus aplicaciones.',
  listFailed: () => 'No se pudieron cargar las aplicaciones.',
  listRetry: () => 'Reintentar',
  inPopup: (app: string) => `Termina de conectar ${app} en la ventana emergente. Pulsa el botón para volver a mostrarla, o Cancelar.`,
  cancelConnecting: (app: string) => `Cancelar la conexión con ${app}`,
  reasons: {
    unauthenticated: 'Inicia sesión y vuelve a intentarlo.',
    forbidden: 'No tienes acceso a esta aplicación.',
    'rate-limited': 'Demasiados intentos. Vuelve a intentarlo en un momento.',
    network: 'Comprueba tu conexión y vuelve a intentarlo.',
    'provider-error': 'No se concedió el acceso.',
    'popup-blocked': 'Permite las ventanas emergentes para este sitio y vuelve a intentarlo.',
    default: 'Algo salió mal. Inténtalo de nuevo más tarde.',
  },
} satisfies StringOverrides;

export default es;
