// Trusted documents mode (decision 0017): only registered operations run. A client may send a registered
// document whole, or only its hash (`extensions.persistedQuery.sha256Hash`); anything else is refused
// with DOCUMENT_NOT_REGISTERED once parsed, before cost is weighed or any service is asked.
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { message, platformError } from '@wales-lac/errors';
import { documentHash, type TrustedDocuments } from '@wales-lac/trusted-documents';
import type { GatewayContext } from './gateway-context.ts';

export function trustedDocumentsPlugin(manifest: TrustedDocuments): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }): Promise<GraphQLRequestListener<GatewayContext>> {
      // A registered hash stands for its document; the persisted-query extension is then spent.
      const hash = (request.extensions?.['persistedQuery'] as { sha256Hash?: unknown } | undefined)?.sha256Hash;
      const known = typeof hash === 'string' ? manifest.get(hash) : undefined;
      if (known !== undefined && request.query === undefined) {
        request.query = known;
        const { persistedQuery: _, ...rest } = request.extensions ?? {};
        request.extensions = rest;
      }
      return {
        async didResolveOperation({ document }) {
          if (!manifest.has(documentHash(document))) {
            throw platformError(message('DOCUMENT_NOT_REGISTERED', 'notRegistered'));
          }
        },
        async willSendResponse({ response }) {
          const body = response.body;
          if (body.kind === 'single' && body.singleResult.errors?.some((e) => e.extensions?.['code'] === 'DOCUMENT_NOT_REGISTERED')) response.http.status = 400;
        },
      };
    },
  };
}
