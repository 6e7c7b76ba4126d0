/**
 * Property-based inputs (fast-check) against everything a host can hand the elements: `connect()`
 * of `outbound-elements/core`, and every public property and attribute of `<outbound-app-button>`,
 * `<outbound-connect>` (its `connect(appId, options)` and headless `data-outbound-app-id`
 * triggers) and `<outbound-app-list>`. Non-strings, throwing getters, Proxies whose every trap
 * throws, cycles, a 200,000-deep array, 2 MB strings, surrounding spaces.
 *
 * The contract's guarantees, counted over 10,000 inputs per run:
 * - nothing throws out of an element or a lifecycle callback (uncaught exceptions and unhandled
 *   rejections on `window`);
 * - `connect()` (core and elements) never rejects;
 * - the browser is sent nowhere but a safe URL (`navigation.assign` is recorded, as in the other
 *   tests, and every URL it got is checked);
 * - no element is left `connecting` once its flow ended (an error, a cancel, a canceled start;
 *   not a redirect, where the page is leaving).
 *
 * The host SDK is a fake (the `sdk` property), so no input reaches the network. The seed is
 * printed: set `SEED` below to it to replay a run.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define.js';
import { connect } from '../../src/core/connect.js';
import type { OutboundSdk } from '../../src/core/config.js';
import { forgetConnections } from '../../src/core/connection-state.js';
import { cancelPopupFlow, forgetPopupFlows, popupFlowFor } from '../../src/core/popup-flow.js';
import { isSafeNavigationUrl } from '../../src/core/url-safety.js';
import type { OutboundAppButton } from '../../src/elements/outbound-app-button.js';
import type { OutboundConnect } from '../../src/elements/outbound-connect.js';
import { fakeCatalogSdk } from '../../stories/support/fake-catalog-sdk.js';
import { clearStorage, recordNavigation } from './support.js';

const SEED: number | undefined = undefined;
const seed = SEED ?? Math.floor(Math.random() * 2 ** 31);

// ---------------------------------------------------------------------------------------------
// Hostile values, built once (a 200,000-deep array takes a while to make).

const throwAll: ProxyHandler<object> = Object.fromEntries(
  ['get', 'set', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'defineProperty', 'deleteProperty', 'apply'].map((trap) => [
    trap,
    () => {
      throw new Error(`hostile Proxy: ${trap}`);
    },
  ]),
);
let deepArray: unknown[] = [];
for (let i = 0; i < 200_000; i++) deepArray = [deepArray];
const cyclicObject: Record<string, unknown> = { name: 'cycle' };
cyclicObject.self = cyclicObject;
const cyclicArray: unknown[] = ['a'];
cyclicArray.push(cyclicArray);
const revocable = Proxy.revocable({}, {});
revocable.revoke();
const throwingGetters = {
  get value(): never {
    throw new Error('throwing getter');
  },
  toString(): never {
    throw new Error('throwing toString');
  },
  toJSON(): never {
    throw new Error('throwing toJSON');
  },
};

/** Each hostile value with the name the report uses for it. */
const HOSTILE = new Map<unknown, string>([
  [new Proxy({}, throwAll), 'a Proxy whose every trap throws'],
  [new Proxy(['a', 'b'], throwAll), 'an array Proxy whose every trap throws'],
  [new Proxy(function () {}, throwAll), 'a function Proxy whose every trap throws'],
  [revocable.proxy, 'a revoked Proxy'],
  [throwingGetters, 'an object whose getters, toString and toJSON throw'],
  [cyclicObject, 'a cyclic object'],
  [cyclicArray, 'a cyclic array'],
  [deepArray, 'a 200,000-deep array'],
  ['x'.repeat(2_000_000), 'a 2 MB string'],
  [{ draft: 'y'.repeat(6 * 1024 * 1024) }, 'a 6 MB object'],
  [Symbol('s'), 'a Symbol'],
  [10n, 'a BigInt'],
  [() => 'tok', 'a function'],
  [() => Promise.reject(new Error('no token')), 'a rejecting function'],
  [() => {
    throw new Error('throwing function');
  }, 'a throwing function'],
  [Object.create(null), 'an object without prototype'],
  [new Date(NaN), 'an invalid Date'],
  [NaN, 'NaN'],
]);

function show(value: unknown): string {
  const known = HOSTILE.get(value);
  if (known) return known;
  let text: string;
  try {
    text = fc.stringify(value);
  } catch {
    text = '(unprintable)';
  }
  return text.length > 100 ? `${text.slice(0, 97)}…` : text;
}

const APP_IDS = ['slack', 'google-contacts', 'hubspot', 'github', 'notion'];
/** Strings a user types: with surrounding spaces, tabs, commas, markup, unicode. */
const userString = fc.oneof(
  fc.constantFrom(...APP_IDS).chain((id) => fc.constantFrom(id, ` ${id} `, `\t${id}\n`, id.toUpperCase())),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom('', ' ', 'a,b', 'a  b', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '__proto__', 'constructor'),
);
const urlString = fc.constantFrom(
  '/done',
  '  /done  ',
  '//127.0.0.1:9/x',
  '/\\127.0.0.1:9/x',
  'https://evil.example/',
  'javascript:alert(1)',
  'http://127.0.0.1:9/',
  'data:text/html,x',
  '?view=a#b',
  `${location.origin}/back`,
);
/**
 * Stands for a hostile value while fast-check generates (it probes the values it holds, which a
 * Proxy whose traps throw does not survive); `real()` swaps the value in at use.
 */
class Hostile {
  constructor(readonly index: number) {}
}
const HOSTILE_VALUES = [...HOSTILE.keys()];
function real<T>(value: T): T {
  return (value instanceof Hostile ? HOSTILE_VALUES[value.index] : value) as T;
}
function realEntries(values: Record<string, unknown>): [string, unknown][] {
  return Object.entries(values).map(([key, value]) => [key, real(value)]);
}
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: HOSTILE_VALUES.length - 1 }).map((i) => new Hostile(i)) },
  { weight: 3, arbitrary: userString },
  { weight: 1, arbitrary: urlString },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.array(userString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, true, false, 0, -1, 'redirect', 'popup', 'auto') },
);

/** What Descope answers, via the fake SDK: a safe consent URL or one that must not be followed. */
const consentUrl = fc.constantFrom(
  'https://provider.example/authorize',
  'https://accounts.google.com@evil.example/',
  'https://u:p@evil.example/',
  'javascript:alert(1)',
  '//evil.example/',
  'data:text/html,x',
  `https://provider.example/?q=${'a'.repeat(9000)}`,
  '',
);

function fakeSdk(url: string): OutboundSdk {
  const sdk = fakeCatalogSdk();
  return { ...sdk, outbound: { connect: async () => ({ ok: true, code: 200, data: { url } }) } } as OutboundSdk;
}

/** The mode, mostly redirect (a popup takes ~50 ms to open and close, so about 1 in 40); sometimes hostile. */
const modeValue = fc.oneof(
  { weight: 30, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant('popup') },
  { weight: 8, arbitrary: anyValue.filter((v) => v !== 'popup') },
);

const OPTION_KEYS = ['scopes', 'redirectUrl', 'tenantId', 'tenantLevel', 'returnState', 'popupFallback', 'token', 'getToken', 'storagePrefix'];
/**
 * Options of `connect(appId, options)`: a record of hostile values, a throwing getter among them,
 * or a hostile value itself. Generated as a function that builds them, for the reason above.
 */
const optionsValue = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({ values: fc.dictionary(fc.constantFrom(...OPTION_KEYS), anyValue, { maxKeys: 4 }), mode: modeValue, getter: fc.option(fc.constantFrom(...OPTION_KEYS, 'mode', 'sdk')) })
      .map(({ values, mode, getter }) => () => {
        const options: Record<string, unknown> = Object.fromEntries(realEntries(values));
        if (mode !== undefined) options.mode = real(mode);
        if (getter) Object.defineProperty(options, getter, { enumerable: true, get: () => { throw new Error(`throwing getter ${getter}`); } });
        return options;
      }),
  },
  { weight: 1, arbitrary: anyValue.map((value) => () => real(value)) },
);

// ---------------------------------------------------------------------------------------------
// Counting.

interface Failure {
  kind: 'uncaught' | 'rejection' | 'unsafe navigation' | 'left connecting';
  input: string;
  symptom: string;
}

class Tally {
  inputs = 0;
  readonly started = performance.now();
  readonly counts = { uncaught: 0, rejection: 0, 'unsafe navigation': 0, 'left connecting': 0 };
  readonly samples: Failure[] = [];
  private readonly seen = new Set<string>();
  current = '';

  fail(kind: Failure['kind'], symptom: string, input = this.current): void {
    this.counts[kind]++;
    // One sample per distinct symptom, so the report names each failure once.
    const key = `${kind}|${symptom.split('\n')[0]}`;
    if (this.seen.has(key) || this.samples.length >= 40) return;
    this.seen.add(key);
    this.samples.push({ kind, input, symptom });
  }

  report(target: string): string {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    const lines = [`fuzz ${target}: ${this.inputs} inputs in ${seconds} s (seed ${seed}): ${Object.entries(this.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`];
    for (const s of this.samples) lines.push(`  ${s.kind}: ${s.symptom}\n      input: ${s.input}`);
    return lines.join('\n');
  }
}

const stackOf = (error: unknown) => {
  if (!(error instanceof Error)) return show(error);
  const frame = (error.stack ?? '').split('\n').slice(1).find((l) => l.includes('/src/')) ?? '';
  return `${error.name}: ${error.message.slice(0, 120)} ${frame.trim().replace(/https?:\/\/[^/]+/, '').replace(/\?.*?:/, ':')}`;
};

/**
 * Runs `body` with uncaught errors and unhandled rejections counted in `tally` (and kept from
 * failing the test framework's current test), console output silenced (bad input is meant to
 * print), and navigation recorded.
 */
async function counting(tally: Tally, body: (navigations: string[]) => Promise<void>): Promise<void> {
  const onError = (event: ErrorEvent) => {
    event.stopImmediatePropagation();
    event.preventDefault();
    tally.fail('uncaught', stackOf(event.error ?? event.message));
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    event.stopImmediatePropagation();
    event.preventDefault();
    tally.fail('uncaught', `unhandled rejection: ${stackOf(event.reason)}`);
  };
  window.addEventListener('error', onError, true);
  window.addEventListener('unhandledrejection', onRejection, true);
  const { log, warn, error } = console;
  console.warn = console.error = () => undefined;
  const recorder = recordNavigation();
  try {
    await body(recorder.urls);
  } finally {
    recorder.restore();
    Object.assign(console, { log, warn, error });
    // Let late rejections of this run arrive while still counted.
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.removeEventListener('error', onError, true);
    window.removeEventListener('unhandledrejection', onRejection, true);
    endPageView();
    clearStorage();
  }
}

function checkNavigations(tally: Tally, urls: string[], from: number): void {
  for (const url of urls.slice(from)) if (!isSafeNavigationUrl(url)) tally.fail('unsafe navigation', show(url));
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Waits until `done()` or `ms` passed (the connect code loads once, then answers in microtasks). */
async function settle(done: () => boolean, ms = 100): Promise<void> {
  const deadline = performance.now() + ms;
  await tick();
  while (!done() && performance.now() < deadline) await tick();
}

function samples<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, offset: number): T[] {
  return fc.sample(arbitrary, { numRuns, seed: seed + offset });
}

function finish(tally: Tally, target: string): void {
  const report = tally.report(target);
  console.log(report);
  expect(tally.counts, report).to.deep.equal({ uncaught: 0, rejection: 0, 'unsafe navigation': 0, 'left connecting': 0 });
}

/** Each input is a page view of its own: one that navigated has left, and no popup stays open. */
function endPageView(): void {
  forgetPopupFlows();
  forgetConnections();
}

/** Listens for the outcome events on `target`; `ended` says whether the flow is over. */
function watchOutcome(target: EventTarget): { ended: () => boolean; stop: () => void } {
  let ended = false;
  const end = () => (ended = true);
  const names = ['outbound-connect-error', 'outbound-connect-cancel', 'outbound-connect-success'];
  names.forEach((n) => target.addEventListener(n, end));
  return { ended: () => ended, stop: () => names.forEach((n) => target.removeEventListener(n, end)) };
}

// ---------------------------------------------------------------------------------------------

describe('property-based inputs (fast-check, 10,000 per run)', function () {
  this.timeout(120_000);
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => host.remove());

  it('core connect(appId, options): 6,000 inputs', async () => {
    const tally = new Tally();
    const inputs = samples(fc.tuple(anyValue, optionsValue, consentUrl, fc.boolean()), 6000, 1);
    await counting(tally, async (navigations) => {
      for (const [rawAppId, makeOptions, url, withSdk] of inputs) {
        const [appId, options] = [real(rawAppId), makeOptions()];
        tally.inputs++;
        tally.current = `connect(${show(appId)}, ${show(options)}) with Descope answering ${show(url)}`;
        let opts: unknown = options;
        if (withSdk && typeof options === 'object' && options !== null && !HOSTILE.has(options)) {
          // A fresh EventTarget keeps each run's events apart; no popup window in core runs.
          // Copied as descriptors: the input's throwing getter stays a getter for connect() to meet.
          opts = Object.defineProperties({ sdk: fakeSdk(url), target: new EventTarget(), popup: null }, Object.getOwnPropertyDescriptors(options));
        }
        const before = navigations.length;
        try {
          const result = await connect(appId as string, opts as never);
          if (!result || typeof result.status !== 'string') tally.fail('rejection', `resolved with ${show(result)}`);
        } catch (error) {
          tally.fail('rejection', stackOf(error));
        }
        checkNavigations(tally, navigations, before);
        endPageView();
      }
    });
    finish(tally, 'core connect()');
  });

  const BUTTON_PROPS = ['appId', 'scopes', 'appName', 'label', 'logo', 'disabled', 'size', 'variant', 'strings', 'projectId', 'baseUrl', 'storagePrefix', 'redirectUrl', 'popupFallback', 'tenantId', 'tenantLevel', 'checkStatus', 'token', 'getToken', 'returnState'];
  const BUTTON_ATTRS = ['app-id', 'scopes', 'app-name', 'label', 'logo', 'disabled', 'size', 'variant', 'redirect-url', 'mode', 'popup-fallback', 'tenant-id', 'tenant-level', 'check-status', 'aria-label', 'storage-prefix'];

  it('<outbound-app-button> properties and attributes, then connect() and Cancel: 1,500 inputs', async () => {
    const tally = new Tally();
    const inputs = samples(
      fc.record({
        props: fc.dictionary(fc.constantFrom(...BUTTON_PROPS), anyValue, { maxKeys: 5 }),
        attrs: fc.dictionary(fc.constantFrom(...BUTTON_ATTRS), userString, { maxKeys: 4 }),
        appId: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...APP_IDS) }, { weight: 1, arbitrary: anyValue }),
        mode: modeValue,
        url: consentUrl,
        changeAppIdTo: fc.option(anyValue, { freq: 3 }),
      }),
      1500,
      2,
    );
    await counting(tally, async (navigations) => {
      for (const input of inputs) {
        const { attrs, url } = input;
        const [appId, mode, changeAppIdTo] = [real(input.appId), real(input.mode), real(input.changeAppIdTo)];
        const props = Object.fromEntries(realEntries(input.props));
        tally.inputs++;
        tally.current = `<outbound-app-button ${Object.entries(attrs).map(([k, v]) => `${k}=${show(v)}`).join(' ')}> with .appId=${show(appId)} .mode=${show(mode)} ${Object.entries(props).map(([k, v]) => `.${k}=${show(v)}`).join(' ')}; Descope answers ${show(url)}${changeAppIdTo !== null ? `; then .appId=${show(changeAppIdTo)} and Cancel` : ''}`;
        const before = navigations.length;
        const el = document.createElement('outbound-app-button') as OutboundAppButton;
        const outcome = watchOutcome(el);
        try {
          const assign = (name: string, value: unknown) => {
            try {
              (el as unknown as Record<string, unknown>)[name] = value;
            } catch (error) {
              tally.fail('uncaught', `setting .${name} threw: ${stackOf(error)}`);
            }
          };
          for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
          assign('sdk', fakeSdk(url));
          assign('appId', appId);
          if (mode !== undefined) assign('mode', mode);
          for (const [name, value] of Object.entries(props)) assign(name, value);
          host.append(el);
          await el.updateComplete.catch((error: unknown) => tally.fail('uncaught', `render: ${stackOf(error)}`));
          try {
            await el.connect();
          } catch (error) {
            tally.fail('rejection', stackOf(error));
          }
          // connect() resolves once the outcome is known (an error event, a navigation, the popup).
          await tick();
          const appKey = typeof el.appId === 'string' ? el.appId.trim() : ''; // app IDs are trimmed
          if (popupFlowFor(appKey)) {
            // The popup shows the provider: the user gives up with Cancel (maybe after app-id changed).
            if (changeAppIdTo !== null) assign('appId', changeAppIdTo);
            await el.updateComplete.catch(() => undefined);
            const cancel = el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="cancel"]');
            if (cancel) cancel.click();
            else cancelPopupFlow(appKey);
            await settle(() => outcome.ended() && el.status !== 'connecting');
          }
          await el.updateComplete.catch(() => undefined);
          const leaving = navigations.length > before;
          if (!leaving && el.status === 'connecting') tally.fail('left connecting', `status "connecting" after the flow ended (${outcome.ended() ? 'an outcome event fired' : 'no event, no navigation'})`);
          checkNavigations(tally, navigations, before);
        } finally {
          outcome.stop();
          endPageView();
          el.remove();
        }
      }
    });
    finish(tally, '<outbound-app-button>');
  });

  it('<outbound-connect>.connect(appId, options), then the same app again: 1,000 inputs', async () => {
    const tally = new Tally();
    const inputs = samples(fc.tuple(fc.oneof(fc.constantFrom(...APP_IDS), anyValue), optionsValue, consentUrl), 1000, 3);
    await counting(tally, async (navigations) => {
      for (const [rawAppId, makeOptions, url] of inputs) {
        const [appId, options] = [real(rawAppId), makeOptions()];
        // A fresh element each time: after a redirect the app stays in flight (the page is leaving).
        const provider = document.createElement('outbound-connect') as OutboundConnect;
        host.append(provider);
        tally.inputs++;
        tally.current = `<outbound-connect>.connect(${show(appId)}, ${show(options)}); Descope answers ${show(url)}`;
        provider.sdk = fakeSdk(url);
        const before = navigations.length;
        const outcome = watchOutcome(provider);
        try {
          try {
            await provider.connect(appId as string, options as never);
          } catch (error) {
            tally.fail('rejection', stackOf(error));
          }
          const key = typeof appId === 'string' ? appId : '';
          await tick(); // connect() resolves once the outcome is known
          if (popupFlowFor(key.trim())) {
            cancelPopupFlow(key.trim());
            await settle(() => outcome.ended());
          }
          checkNavigations(tally, navigations, before);
          if (navigations.length > before) continue; // leaving: nothing ended
          // The flow is over: a second call for the same app must start again, not be ignored.
          let answered = false;
          const heard = () => (answered = true);
          provider.addEventListener('outbound-connect-start', heard);
          provider.addEventListener('outbound-connect-error', heard);
          try {
            provider.sdk = fakeSdk('https://provider.example/authorize');
            await provider.connect(appId as string, { mode: 'redirect' });
          } catch (error) {
            tally.fail('rejection', `second call: ${stackOf(error)}`);
          } finally {
            provider.removeEventListener('outbound-connect-start', heard);
            provider.removeEventListener('outbound-connect-error', heard);
          }
          if (!answered) tally.fail('left connecting', 'a second connect() for the same app after the flow ended was ignored (the app stays "in flight")');
          checkNavigations(tally, navigations, before);
        } finally {
          outcome.stop();
          endPageView();
          provider.remove();
        }
      }
    });
    finish(tally, '<outbound-connect>.connect()');
  });

  it('headless triggers (data-outbound-app-id, data-outbound-scopes) inside <outbound-connect>: 1,000 inputs', async () => {
    const tally = new Tally();
    const inputs = samples(
      fc.record({ appId: userString, scopes: fc.option(userString), url: consentUrl, mode: fc.oneof({ weight: 30, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant('popup') }, { weight: 4, arbitrary: fc.constantFrom(' popup ', 'nonsense', 'auto', 'redirect') }) }),
      1000,
      4,
    );
    await counting(tally, async (navigations) => {
      for (const { appId, scopes, url, mode } of inputs) {
        const provider = document.createElement('outbound-connect') as OutboundConnect;
        host.append(provider);
        tally.inputs++;
        tally.current = `<outbound-connect${mode ? ` mode=${show(mode)}` : ''}><button data-outbound-app-id=${show(appId)}${scopes !== null ? ` data-outbound-scopes=${show(scopes)}` : ''}>; Descope answers ${show(url)}`;
        provider.sdk = fakeSdk(url);
        if (mode) provider.setAttribute('mode', mode);
        else provider.removeAttribute('mode');
        const trigger = document.createElement('button');
        trigger.setAttribute('data-outbound-app-id', appId);
        if (scopes !== null) trigger.setAttribute('data-outbound-scopes', scopes);
        provider.append(trigger);
        const before = navigations.length;
        const outcome = watchOutcome(provider);
        try {
          await provider.updateComplete;
          trigger.click();
          await settle(() => outcome.ended() || navigations.length > before || !!popupFlowFor(appId.trim())?.consentUrl);
          if (popupFlowFor(appId.trim())) {
            cancelPopupFlow(appId.trim());
            await settle(() => outcome.ended());
          }
          checkNavigations(tally, navigations, before);
          if (navigations.length === before && trigger.getAttribute('data-outbound-status') === 'connecting') {
            tally.fail('left connecting', `the trigger keeps data-outbound-status="connecting" after the flow ended (${outcome.ended() ? 'an outcome event fired' : 'no event'})`);
          }
        } finally {
          outcome.stop();
          endPageView();
          provider.remove();
        }
      }
    });
    finish(tally, 'headless triggers');
  });

  const LIST_PROPS = ['apps', 'disconnect', 'strings', 'projectId', 'baseUrl', 'storagePrefix', 'tenantId', 'token', 'getToken', 'checkStatus'];
  const LIST_ATTRS = ['apps', 'disconnect', 'tenant-id', 'storage-prefix', 'mode', 'redirect-url'];

  it('<outbound-app-list> properties and attributes, then a click on its first button: 500 inputs', async () => {
    const tally = new Tally();
    const inputs = samples(
      fc.record({
        props: fc.dictionary(fc.constantFrom(...LIST_PROPS), anyValue, { maxKeys: 4 }),
        attrs: fc.dictionary(fc.constantFrom(...LIST_ATTRS), userString, { maxKeys: 3 }),
        url: consentUrl,
      }),
      500,
      5,
    );
    await counting(tally, async (navigations) => {
      for (const input of inputs) {
        const { attrs, url } = input;
        const props = Object.fromEntries(realEntries(input.props));
        tally.inputs++;
        tally.current = `<outbound-app-list ${Object.entries(attrs).map(([k, v]) => `${k}=${show(v)}`).join(' ')}> with ${Object.entries(props).map(([k, v]) => `.${k}=${show(v)}`).join(' ')}; Descope answers ${show(url)}`;
        const el = document.createElement('outbound-app-list') as HTMLElement & { updateComplete: Promise<unknown>; sdk?: unknown };
        const before = navigations.length;
        const outcome = watchOutcome(el);
        try {
          for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
          el.sdk = fakeSdk(url);
          for (const [name, value] of Object.entries(props)) {
            try {
              (el as unknown as Record<string, unknown>)[name] = value;
            } catch (error) {
              tally.fail('uncaught', `setting .${name} threw: ${stackOf(error)}`);
            }
          }
          host.append(el);
          await el.updateComplete.catch((error: unknown) => tally.fail('uncaught', `render: ${stackOf(error)}`));
          await settle(() => !!el.shadowRoot?.querySelector('li[part="item"], [part~="empty"], [part~="error"]'), 100);
          // The first row's Connect: the button inside the row's <outbound-app-button compact>.
          const button = el.shadowRoot?.querySelector('li[part="item"] outbound-app-button')?.shadowRoot?.querySelector<HTMLButtonElement>('button');
          if (button) {
            button.click();
            await settle(() => outcome.ended() || navigations.length > before);
          }
          checkNavigations(tally, navigations, before);
        } finally {
          outcome.stop();
          endPageView();
          el.remove();
        }
      }
    });
    finish(tally, '<outbound-app-list>');
  });
});
