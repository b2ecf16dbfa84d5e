import type { Server } from 'node:http';
import { HttpServerDrain } from './http-server-drain.js';
import type { GracefulService } from './signal-shutdown.js';

/** What {@link gracefulHttpApp} needs of the app: a Nest app has it. */
export interface HttpApp {
  getHttpServer(): Server;
  close(): Promise<void>;
}

/**
 * The app as {@link runWorkerCluster} stops it: its HTTP server drained first (see {@link HttpServerDrain}), so
 * that every request in flight is answered while the modules still run, then the app closed (Nest's shutdown
 * hooks: the OpenTelemetry SDK flushes there). Call it before the app listens.
 */
export function gracefulHttpApp(app: HttpApp): GracefulService {
  const drain = HttpServerDrain.track(app.getHttpServer());
  return {
    close: async () => {
      await drain.close();
      await app.close();
    },
  };
}
