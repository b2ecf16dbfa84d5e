import { assertInstrumentedModulesNotLoaded } from './load-order.guard';

describe('assertInstrumentedModulesNotLoaded', () => {
  it('passes while neither Express nor @nestjs/core is loaded', () => {
    expect(() =>
      assertInstrumentedModulesNotLoaded([
        '/app/node_modules/@nestjs/common/index.js',
        '/app/node_modules/express-serve-static-core/index.js',
      ]),
    ).not.toThrow();
  });

  it('names each module loaded too early', () => {
    expect(() =>
      assertInstrumentedModulesNotLoaded([
        '/app/node_modules/express/index.js',
        '/app/node_modules/@nestjs/core/index.js',
      ]),
    ).toThrow(/before express and @nestjs\/core are loaded/);
  });
});
