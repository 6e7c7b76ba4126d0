import { expect } from '@open-wc/testing';
import { configure, getPageConfig, mergeConfig } from '../../../src/core/config.js';

describe('configure()', () => {
  afterEach(() => configure({ projectId: undefined, baseUrl: undefined, tenantId: undefined }));

  it('sets page-wide defaults and clears a key given as undefined', () => {
    configure({ projectId: 'P1', baseUrl: 'https://auth.example.com' });
    expect(getPageConfig()).to.include({ projectId: 'P1', baseUrl: 'https://auth.example.com' });
    configure({ baseUrl: undefined });
    expect(getPageConfig()).not.to.have.property('baseUrl');
  });

  it('warns about unknown options and non-objects without throwing', () => {
    const warn = console.warn;
    const error = console.error;
    const said: string[] = [];
    console.warn = (message: string) => said.push(message);
    console.error = (message: string) => said.push(message);
    try {
      configure({ projectID: 'typo' } as never);
      configure(null as never);
    } finally {
      console.warn = warn;
      console.error = error;
    }
    expect(said[0]).to.contain('unknown option "projectID"');
    expect(said[1]).to.contain('takes an object');
    expect(getPageConfig()).not.to.have.property('projectID');
  });

  it('merges layers: the first defined value wins, null counts as unset', () => {
    const merged = mergeConfig({ tenantId: 'own', projectId: null as never }, { projectId: 'P-parent', tenantId: 'x' }, { projectId: 'P-page' });
    expect(merged).to.include({ tenantId: 'own', projectId: 'P-parent' });
  });
});
