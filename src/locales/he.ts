/**
 * Hebrew strings for the elements: `outbound-elements/locales/he`. A plain table with no side
 * effect; register it with `configure({ locales: { he } })` and it serves every element whose
 * nearest `lang` is `he` or `he-…`.
 * A right-to-left language: the elements follow the page's `dir` (set `dir="rtl"` with `lang`).
 */
import type { StringOverrides } from '../elements/strings.js';

export const he = {
  connect: (app: string) => `חיבור ${app}`,
  reconnect: (app: string) => `חיבור מחדש של ${app}`,
  connecting: (app: string) => `מתחבר אל ${app}…`,
  connected: (app: string) => `${app} מחובר`,
  canceled: (app: string) => `החיבור אל ${app} בוטל`,
  failed: (app: string, reason: string) => `לא ניתן לחבר את ${app}. ${reason}`,
  unnamedApp: () => 'האפליקציה',
  disconnect: (app: string) => `ניתוק ${app}`,
  listConnect: () => 'חיבור',
  listReconnect: () => 'חיבור מחדש',
  listDisconnect: () => 'ניתוק',
  listConnected: () => 'מחובר',
  listNotConnected: () => 'לא מחובר',
  listConnecting: () => 'מתחבר…',
  listLoading: () => 'האפליקציות נטענות…',
  listEmpty: () => 'אין אפליקציות להצגה.',
  listSignedOut: () => 'יש להתחבר לחשבון כדי לראות את האפליקציות שלך.',
  listFailed: () => 'לא ניתן לטעון את האפליקציות.',
  listRetry: () => 'ניסיון חוזר',
  inPopup: (app: string) => `יש להשלים את החיבור אל ${app} בחלון הקופץ. אפשר ללחוץ על הכפתור כדי להציג אותו שוב, או על ביטול.`,
  cancelConnecting: (app: string) => `ביטול החיבור אל ${app}`,
  reasons: {
    unauthenticated: 'יש להתחבר לחשבון ולנסות שוב.',
    forbidden: 'אין לך גישה לאפליקציה הזו.',
    'rate-limited': 'יותר מדי ניסיונות. אפשר לנסות שוב בעוד רגע.',
    network: 'יש לבדוק את החיבור לאינטרנט ולנסות שוב.',
    'provider-error': 'הגישה לא אושרה.',
    'popup-blocked': 'יש לאפשר חלונות קופצים באתר הזה ולנסות שוב.',
    default: 'משהו השתבש. אפשר לנסות שוב מאוחר יותר.',
  },
} satisfies StringOverrides;

export default he;
