/** The runbooks page, rendered once at start-up. */
export const RUNBOOKS_HTML = Symbol('RUNBOOKS_HTML');
