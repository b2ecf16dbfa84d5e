export { ConfigValidationError } from './config-validation.error.js';
export { EnvReader, type Env, type NumberRule } from './env-reader.js';
export { readConfigOrExit } from './read-config-or-exit.js';
