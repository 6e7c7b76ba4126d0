import { expect } from '@open-wc/testing';
import { readCatalog, refreshCatalog } from '../../../src/core/catalog.js';
import { configure } from '../../../src/core/config.js';
import { emulator, isolateEachTest } from '../support.js';

describe('catalog client and configure()', () => {
  isolateEachTest({ signedIn: true });
  beforeEach(() => refreshCatalog());

  it('takes the project from configure() when the caller gives none, like connect()', async () => {
    configure({ projectId: emulator.projectId, baseUrl: emulator.baseUrl });
    const result = await readCatalog({});
    expect(result.state).to.equal('ready');
  });
});
