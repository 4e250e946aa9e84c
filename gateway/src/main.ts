// Runs the national gateway as its own process:  node dist/gateway.mjs  (settings: config.ts)
import { runService } from '@wales-lac/settings';
import { gatewayConfigFromEnv } from './config.ts';
import { createGateway } from './service.ts';
import { loadSupergraph } from './supergraph.ts';

runService(
  'gateway',
  () => gatewayConfigFromEnv(process.env),
  async (config) => {
    const gateway = await createGateway({
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
    return { url, stop: () => gateway.stop() };
  },
);
