/**
 * Every shipped language: complete (every English key, no unknown one), and every element state
 * fits a narrow column in it, right to left for Hebrew and Arabic.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { configure } from '../../../src/core/config.js';
import { ERROR_CODES } from '../../../src/core/errors.js';
import type { OutboundAppButton } from '../../../src/elements/outbound-app-button.js';
import type { OutboundAppList } from '../../../src/elements/outbound-app-list.js';
import { english, type StringOverrides } from '../../../src/elements/strings.js';
import { ar } from '../../../src/locales/ar.js';
import { de } from '../../../src/locales/de.js';
import { es } from '../../../src/locales/es.js';
import { fr } from '../../../src/locales/fr.js';
import { he } from '../../../src/locales/he.js';
import { ja } from '../../../src/locales/ja.js';
import { ptBR } from '../../../src/locales/pt-BR.js';
import { emulator, isolateEachTest, newSession, until } from '../support.js';

const locales: Record<string, StringOverrides> = { fr, de, es, ja, 'pt-BR': ptBR, he, ar };
const rtl = new Set(['he', 'ar']);
const APP = 'Google Contacts';
/** The words each layout test expects: English's own, and each table's. */
const words: Record<string, StringOverrides> = { en: english, ...locales };

describe('locales', () => {
  for (const [tag, table] of Object.entries(locales)) {
    it(`${tag} has every English key, no unknown key, and names the app where English does`, () => {
      const { reasons, ...words } = table;
      expect(Object.keys(words).sort()).to.deep.equal(Object.keys(english).sort());
      for (const [key, value] of Object.entries(words)) {
        const text = (value as (app: string, reason: string) => string)(APP, 'REASON');
        expect(text, `${tag}.${key}`).to.be.a('string').and.not.equal('');
        const englishText = (english[key as keyof typeof english] as (app: string, reason: string) => string)(APP, 'REASON');
        expect(text.includes(APP), `${tag}.${key} names the app as English does`).to.equal(englishText.includes(APP));
        expect(text.includes('REASON'), `${tag}.${key} keeps the reason`).to.equal(englishText.includes('REASON'));
      }
      expect(Object.keys(reasons ?? {}).sort()).to.deep.equal(Object.keys(fr.reasons).sort());
      for (const code of Object.keys(reasons ?? {})) expect([...ERROR_CODES, 'default']).to.include(code);
    });
  }
});

/** `host` and everything in its shadow tree, the shadow trees inside it included (a list's row buttons). */
function deep(host: Element): Element[] {
  return [host, ...[...host.shadowRoot!.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? deep(el) : [el]))];
}

/** Whether anything of `host` (its shadow trees included) sticks out of `column`. */
function overflowing(column: HTMLElement, host: Element): string[] {
  const box = column.getBoundingClientRect();
  const all = deep(host);
  return all
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
    })
    .map((el) => `${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}`);
}

describe('every element state in every language, in a 320px column (a phone)', () => {
  isolateEachTest();
  beforeEach(() => configure({ locales, projectId: emulator.projectId, baseUrl: emulator.baseUrl }));
  afterEach(() => configure({ locales: undefined }));

  for (const tag of Object.keys(words)) {
    const dir = rtl.has(tag) ? 'rtl' : 'ltr';

    it(`${tag}: the button idle and after a failure fits, ${dir}`, async () => {
      const column = await fixture<HTMLDivElement>(html`<div lang=${tag} dir=${dir} style="width: 320px">
        <outbound-app-button app-id="google-contacts" app-name=${APP} logo="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"></outbound-app-button>
      </div>`);
      const button = column.querySelector<OutboundAppButton>('outbound-app-button')!;
      await button.updateComplete;
      const inner = button.shadowRoot!.querySelector('button')!;
      expect(inner.textContent).to.contain((words[tag]!.connect as (app: string) => string)(APP));
      expect(overflowing(column, button), 'idle').to.deep.equal([]);
      expect(getComputedStyle(inner).direction).to.equal(dir);
      const logo = button.shadowRoot!.querySelector('[part~="logo"]')!.getBoundingClientRect();
      const label = button.shadowRoot!.querySelector('[part~="label"]')!.getBoundingClientRect();
      expect(dir === 'rtl' ? logo.left >= label.right - 1 : logo.right <= label.left + 1, 'the logo comes first in reading order').to.equal(true);

      const quiet = console.error;
      console.error = () => undefined; // no session: unauthenticated, said in the console on purpose
      try {
        inner.click();
        await until(() => button.status === 'error', 'the error state');
      } finally {
        console.error = quiet;
      }
      await button.updateComplete;
      expect(overflowing(column, button), 'error').to.deep.equal([]);
    });

    it(`${tag}: the list signed out and with apps fits, ${dir}`, async () => {
      const column = await fixture<HTMLDivElement>(html`<div lang=${tag} dir=${dir} style="width: 320px">
        <outbound-app-list></outbound-app-list>
      </div>`);
      const list = column.querySelector<OutboundAppList>('outbound-app-list')!;
      const signedOut = (words[tag]!.listSignedOut as () => string)();
      await until(() => list.shadowRoot!.textContent!.includes(signedOut), 'the signed-out words');
      expect(overflowing(column, list), 'signed out').to.deep.equal([]);

      localStorage.setItem('DSR', (await newSession()).refreshJwt);
      await list.refresh();
      await until(() => list.shadowRoot!.querySelectorAll('li[part="item"]').length > 0, 'the apps');
      await list.updateComplete;
      const labels = deep(list).filter((el) => el.getAttribute('part') === 'label').map((el) => el.textContent!.trim());
      expect(labels).to.include((words[tag]!.listConnect as () => string)());
      expect(overflowing(column, list), 'with apps').to.deep.equal([]);
    });
  }
});
