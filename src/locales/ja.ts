/**
 * Japanese strings for the elements: `outbound-elements/locales/ja`. A plain table with no side
 * effect; register it with `configure({ locales: { ja } })` and it serves every element whose
 * nearest `lang` is `ja` or `ja-…`.
 */
import type { StringOverrides } from '../elements/strings.js';

export const ja = {
  connect: (app: string) => `${app} と連携`,
  reconnect: (app: string) => `${app} と再連携`,
  connecting: (app: string) => `${app} に接続しています…`,
  connected: (app: string) => `${app} と連携済み`,
  canceled: (app: string) => `${app} との連携はキャンセルされました`,
  failed: (app: string, reason: string) => `${app} と連携できませんでした。${reason}`,
  unnamedApp: () => 'アプリ',
  disconnect: (app: string) => `${app} との連携を解除`,
  listConnect: () => '連携',
  listReconnect: () => '再連携',
  listDisconnect: () => '連携を解除',
  listConnected: () => '連携済み',
  listNotConnected: () => '未連携',
  listConnecting: () => '接続中…',
  listLoading: () => 'アプリを読み込んでいます…',
  listEmpty: () => '表示するアプリはありません。',
  listSignedOut: () => 'アプリを表示するにはサインインしてください。',
  listFailed: () => 'アプリを読み込めませんでした。',
  listRetry: () => '再試行',
  inPopup: (app: string) => `ポップアップ ウィンドウで ${app} との連携を完了してください。ボタンを押すとウィンドウを再表示します。やめる場合は「キャンセル」を押してください。`,
  cancelConnecting: (app: string) => `${app} との連携をキャンセル`,
  reasons: {
    unauthenticated: 'サインインしてから、もう一度お試しください。',
    forbidden: 'このアプリへのアクセス権がありません。',
    'rate-limited': '試行回数が多すぎます。しばらくしてからお試しください。',
    network: 'インターネット接続を確認して、もう一度お試しください。',
    'provider-error': 'アクセスは許可されませんでした。',
    'popup-blocked': 'このサイトのポップアップを許可して、もう一度お試しください。',
    default: '問題が発生しました。しばらくしてからもう一度お試しください。',
  },
} satisfies StringOverrides;

export default ja;
