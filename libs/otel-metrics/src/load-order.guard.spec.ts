import { assertInstrumentedModulesNotLoaded } from './load-order.guard.js';

describe('assertInstrumentedModulesNotLoaded', () => {
  it('passes while Express is not loaded', () => {
    expect(() =>
      assertInstrumentedModulesNotLoaded([
        '/app/node_modules/@nestjs/common/index.js',
        '/app/node_modules/express-serve-static-core/index.js',
      ]),
    ).not.toThrow();
  });

  it('names Express when it was loaded too early', () => {
    expect(() =>
      assertInstrumentedModulesNotLoaded(['/app/node_modules/express/index.js', '/app/node_modules/router/index.js']),
    ).toThrow(/before express is loaded/);
  });

  it('reads the require cache of this process by default, where no Express is loaded yet', () => {
    expect(() => assertInstrumentedModulesNotLoaded()).not.toThrow();
  });
});
