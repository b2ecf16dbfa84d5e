/** Injection token of the {@link SignalsSettings} given to `SignalsModule.forRoot`. */
export const SIGNALS_SETTINGS = Symbol('SIGNALS_SETTINGS');
