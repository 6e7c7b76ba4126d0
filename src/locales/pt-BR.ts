/**
 * Brazilian Portuguese strings for the elements: `outbound-elements/locales/pt-BR`. A plain table
 * with no side effect; register it with `configure({ locales: { 'pt-BR': ptBR } })` and it serves
 * every element whose nearest `lang` is `pt-BR`. A table is found by the whole tag, then by its
 * language alone, so register it as `pt` too (`{ pt: ptBR }`) to serve `lang="pt"` and `pt-PT`.
 */
import type { StringOverrides } from '../elements/strings.js';

export const ptBR = {
  connect: (app: string) => `Conectar ${app}`,
  reconnect: (app: string) => `Reconectar ${app}`,
  connecting: (app: string) => `Conectando ao ${app}…`,
  connected: (app: string) => `${app} conectado`,
  canceled: (app: string) => `A conexão com o ${app} foi cancelada`,
  failed: (app: string, reason: string) => `Não foi possível conectar o ${app}. ${reason}`,
  unnamedApp: () => 'o app',
  disconnect: (app: string) => `Desconectar ${app}`,
  listConnect: () => 'Conectar',
  listReconnect: () => 'Reconectar',
  listDisconnect: () => 'Desconectar',
  listConnected: () => 'Conectado',
  listNotConnected: () => 'Não conectado',
  listConnecting: () => 'Conectando…',
  listLoading: () => 'Carregando apps…',
  listEmpty: () => 'Nenhum app para mostrar.',
  listSignedOut: () => 'Entre na sua conta para ver seus apps.',
  listFailed: () => 'Não foi possível carregar os apps.',
  listRetry: () => 'Tentar novamente',
  inPopup: (app: string) => `Termine de conectar o ${app} na janela pop-up. Toque no botão para mostrá-la de novo, ou em Cancelar.`,
  cancelConnecting: (app: string) => `Cancelar a conexão com o ${app}`,
  reasons: {
    unauthenticated: 'Entre na sua conta e tente novamente.',
    forbidden: 'Você não tem acesso a este app.',
    'rate-limited': 'Muitas tentativas. Tente novamente daqui a pouco.',
    network: 'Verifique sua conexão e tente novamente.',
    'provider-error': 'O acesso não foi concedido.',
    'popup-blocked': 'Permita pop-ups para este site e tente novamente.',
    default: 'Algo deu errado. Tente novamente mais tarde.',
  },
} satisfies StringOverrides;

export default ptBR;
