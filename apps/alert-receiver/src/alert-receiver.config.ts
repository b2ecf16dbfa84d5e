import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Env, EnvReader, type NumberRule } from '@app/config';

/** Nest token of the validated configuration. */
export const ALERT_RECEIVER_CONFIG = Symbol('ALERT_RECEIVER_CONFIG');

export interface AlertReceiverConfig {
  readonly port: number;
  readonly host: string;
  /** How many alerts (by fingerprint) and how many recent notifications the in-memory store keeps. */
  readonly maxAlerts: number;
  /** Shared secret that `POST /alerts` requires as `Authorization: Bearer <token>`; unset accepts anyone. */
  readonly token?: string;
  /** Largest accepted request body, in bytes; a larger one is answered 413. */
  readonly bodyLimitBytes: number;
  /** How often the HTML page reloads itself, in seconds. */
  readonly pageRefreshSeconds: number;
  /** The runbooks served at /runbooks, as Markdown, read at start-up from `ALERT_RECEIVER_RUNBOOKS_FILE`. */
  readonly runbooksMarkdown: string;
}

export const ALERT_RECEIVER_DEFAULTS = {
  port: 8082,
  host: '0.0.0.0',
} as const;

/**
 * The numeric settings: each one's default and the range it accepts. The upper bounds of `maxAlerts` and
 * `bodyLimitBytes` keep the store's memory bounded whatever the environment says.
 */
export const ALERT_RECEIVER_NUMBER_RULES = {
  maxAlerts: { default: 200, min: 1, max: 10_000 },
  bodyLimitBytes: { default: 1024 * 1024, min: 1024, max: 16 * 1024 * 1024 },
  pageRefreshSeconds: { default: 5, min: 1, max: 3600 },
} as const satisfies Partial<Record<keyof AlertReceiverConfig, NumberRule>>;

/** Reads a file (the token's, the runbooks'); injectable so that tests need not touch the disk. */
export type FileReader = (path: string) => string;

const readTextFile: FileReader = (path) => readFileSync(path, 'utf8');

/**
 * docs/runbooks.md of the repository this app runs from: found upwards from here, in the sources as in dist/ or in
 * the image (which copies it beside dist/).
 */
export function defaultRunbooksFile(from: string = import.meta.dirname): string {
  for (let directory = from; ; directory = dirname(directory)) {
    const candidate = join(directory, 'docs', 'runbooks.md');
    if (existsSync(candidate) || dirname(directory) === directory) return candidate;
  }
}

/**
 * Reads and validates every `ALERT_RECEIVER_*` variable (plus `PORT` and `HOST`); throws one
 * `ConfigValidationError` naming each bad variable, so that start-up stops before listening.
 */
export function readAlertReceiverConfig(env: Env, readFile: FileReader = readTextFile): AlertReceiverConfig {
  const reader = new EnvReader(env);
  const port = reader.port('PORT', ALERT_RECEIVER_DEFAULTS.port);
  const host = reader.host('HOST', ALERT_RECEIVER_DEFAULTS.host);
  const maxAlerts = reader.integer('ALERT_RECEIVER_MAX_ALERTS', ALERT_RECEIVER_NUMBER_RULES.maxAlerts);
  const bodyLimitBytes = reader.integer('ALERT_RECEIVER_BODY_LIMIT_BYTES', ALERT_RECEIVER_NUMBER_RULES.bodyLimitBytes);
  const pageRefreshSeconds = reader.integer(
    'ALERT_RECEIVER_PAGE_REFRESH_SECONDS',
    ALERT_RECEIVER_NUMBER_RULES.pageRefreshSeconds,
  );
  const token = readToken(reader, readFile);
  const runbooksMarkdown = readRunbooks(reader, readFile);
  reader.assertValid();
  return { port, host, maxAlerts, token, bodyLimitBytes, pageRefreshSeconds, runbooksMarkdown };
}

/** The runbooks every alert links to: a receiver that cannot serve them would break every alert's link. */
function readRunbooks(reader: EnvReader, readFile: FileReader): string {
  const file = reader.string('ALERT_RECEIVER_RUNBOOKS_FILE', defaultRunbooksFile());
  try {
    return readFile(file);
  } catch (error) {
    reader.reject('ALERT_RECEIVER_RUNBOOKS_FILE', `cannot be read (${(error as Error).message})`);
    return '';
  }
}

/** The token comes from a file (the way to pass secrets to containers) or, for local runs, from the variable itself. */
function readToken(reader: EnvReader, readFile: FileReader): string | undefined {
  const inline = reader.optionalString('ALERT_RECEIVER_TOKEN');
  const file = reader.optionalString('ALERT_RECEIVER_TOKEN_FILE');
  if (inline !== undefined && file !== undefined) {
    reader.reject('ALERT_RECEIVER_TOKEN_FILE', 'and ALERT_RECEIVER_TOKEN are both set: set only one');
    return undefined;
  }
  if (file === undefined) return inline;
  let content: string;
  try {
    content = readFile(file);
  } catch (error) {
    reader.reject('ALERT_RECEIVER_TOKEN_FILE', `cannot be read (${(error as Error).message})`);
    return undefined;
  }
  // Trimmed like Alertmanager's `credentials_file`, so that one file with a trailing newline serves both.
  const token = content.trim();
  if (token === '') reader.reject('ALERT_RECEIVER_TOKEN_FILE', `points at an empty file (${file})`);
  return token === '' ? undefined : token;
}
