/**
 * What the OpenTelemetry app offers the rest of the repository: its configuration loader, so that the compose checks
 * parse the app's variables in docker-compose.yml exactly as the app will.
 */
export { loadOtelAppConfig, type OtelAppConfig } from './otel-app.config.js';
