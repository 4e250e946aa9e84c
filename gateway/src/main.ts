// Runs the national gateway as its own process:  node dist/gateway.mjs  (settings: config.ts)
import { runService } from '@wales-lac/settings';
import { telemetryFromSettings } from '@wales-lac/telemetry';
import { gatewayConfigFromEnv } from './config.ts';
import { createGateway } from './service.ts';
import { loadSupergraph } from './supergraph.ts';

runService(
  'gateway',
  () => gatewayConfigFromEnv(process.env),
  async (config) => {
    const telemetry = telemetryFromSettings(config.telemetry);
    const service = telemetry.service({ service: 'gateway' }, { processMetrics: true, edge: true });
    const gateway = await createGateway({
      telemetry: service,
      supergraphSdl: loadSupergraph(),
      authorities: config.authorities,
      services: config.services,
      identity: config.identity,
      assertionPrivateKey: config.assertionPrivateKey,
      subgraphTimeoutMs: config.subgraphTimeoutMs,
      limits: config.limits,
      ...(config.profile === 'production' ? { production: { developerRole: config.developerRole } } : {}),
      ...(config.explorer ? { explorer: {} } : {}),
      ...(config.trustedDocuments ? { trustedDocuments: config.trustedDocuments } : {}),
    });
    const { url } = await gateway.listen(config.port, config.host);
    if (config.metrics) service.log.info({ url: (await gateway.listenMetrics(config.metrics.port, config.metrics.host)).url }, 'metrics served');
    return {
      url,
      stop: async () => {
        await gateway.stop();
        await telemetry.shutdown();
      },
    };
  },
);
