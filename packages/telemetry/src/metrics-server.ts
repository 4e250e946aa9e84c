// A listener that serves only GET /metrics, for a service whose own port is public (the gateway): the
// public port never answers /metrics, and this one is bound to an internal interface (decision 0020).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface MetricsServer {
  listen(port: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
  readonly httpServer: Server;
}

/** The exposition text of a registry, as a handler answers it. */
export async function metricsAnswer(registry: Registry): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}

/** A registry, or one made at each scrape (a primary summing its workers' registries: worker-metrics.ts). */
export type MetricsSource = Registry | (() => Promise<Registry>);

export function createMetricsServer(source: MetricsSource): MetricsServer {
  const registry = async () => (typeof source === 'function' ? source() : source);
  const httpServer = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/metrics' || req.method !== 'GET') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('metrics are at GET /metrics\n');
    registry()
      .then(metricsAnswer)
      .then(
        ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body),
        () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics could not be collected\n'),
      );
  });
  return {
    httpServer,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () =>
          resolve({ url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${(httpServer.address() as AddressInfo).port}/metrics` }),
        );
      }),
    close: () =>
      new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      }),
  };
}
