/**
 * Arabic strings for the elements: `outbound-elements/locales/ar`. A plain table with no side
 * effect; register it with `configure({ locales: { ar } })` and it serves every element whose
 * nearest `lang` is `ar` or `ar-…`.
 * A right-to-left language: the elements follow the page's `dir` (set `dir="rtl"` with `lang`).
 */
import type { StringOverrides } from '../elements/strings.js';

export const ar = {
  connect: (app: string) => `ربط ${app}`,
  reconnect: (app: string) => `إعادة ربط ${app}`,
  connecting: (app: string) => `جارٍ الاتصال بـ ${app}…`,
  connected: (app: string) => `تم ربط ${app}`,
  canceled: (app: string) => `تم إلغاء ربط ${app}`,
  failed: (app: string, reason: string) => `تعذّر ربط ${app}. ${reason}`,
  unnamedApp: () => 'التطبيق',
  disconnect: (app: string) => `إلغاء ربط ${app}`,
  listConnect: () => 'ربط',
  listReconnect: () => 'إعادة الربط',
  listDisconnect: () => 'إلغاء الربط',
  listConnected: () => 'مرتبط',
  listNotConnected: () => 'غير مرتبط',
  listConnecting: () => 'جارٍ الاتصال…',
  listLoading: () => 'جارٍ تحميل التطبيقات…',
  listEmpty: () => 'لا توجد تطبيقات لعرضها.',
  listSignedOut: () => 'سجّل الدخول لعرض تطبيقاتك.',
  listFailed: () => 'تعذّر تحميل التطبيقات.',
  listRetry: () => 'إعادة المحاولة',
  inPopup: (app: string) => `أكمل ربط ${app} في النافذة المنبثقة. اضغط الزر لإظهارها مجددًا، أو اضغط إلغاء.`,
  cancelConnecting: (app: string) => `إلغاء ربط ${app}`,
  reasons: {
    unauthenticated: 'سجّل الدخول، ثم حاول مرة أخرى.',
    forbidden: 'ليس لديك إذن بالوصول إلى هذا التطبيق.',
    'rate-limited': 'محاولات كثيرة جدًا. حاول مرة أخرى بعد قليل.',
    network: 'تحقّق من اتصالك بالإنترنت، ثم حاول مرة أخرى.',
    'provider-error': 'لم يُمنح الإذن بالوصول.',
    'popup-blocked': 'اسمح بالنوافذ المنبثقة لهذا الموقع، ثم حاول مرة أخرى.',
    default: 'حدث خطأ ما. حاول مرة أخرى لاحقًا.',
  },
} satisfies StringOverrides;

export default ar;
