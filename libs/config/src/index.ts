export { ConfigValidationError } from './config-validation.error';
export { EnvReader, type Env, type NumberRule } from './env-reader';
