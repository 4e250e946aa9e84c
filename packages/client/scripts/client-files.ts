// The public API schema is the composed supergraph's API schema (what a client can ask: no join__ or
// link__ machinery), and the typed documents come from src/operations/*.graphql (GraphQL Code Generator,
// client preset: a TypedDocumentNode per operation, so a client's variables and answers are typed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, lexicographicSortSchema, parse, printSchema, validate } from 'graphql';
import { documentsOfSource, manifestText } from '@wales-lac/trusted-documents';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
// The committed supergraph file itself, not the gateway package: the gateway serves the dashboard, which is
// built on this client, so a dependency on the gateway's code would make a cycle.
const SUPERGRAPH = fileURLToPath(new URL('../../../gateway/supergraph.graphql', import.meta.url));
const SCHEMA = join(PACKAGE, 'schema.graphql');
const GENERATED = join(PACKAGE, 'src', 'generated') + '/';
const MANIFEST = join(PACKAGE, 'trusted-documents.json');
const OPERATIONS = join(PACKAGE, 'src', 'operations');
/** Where front-end teams' registered operations live (npm run register:documents). */
export const TEAM_DOCUMENTS = join(PACKAGE, '..', '..', 'documents');

/** The trusted documents manifest: the client's operations and every team's, each checked against the API. */
function trustedManifest(schema: string): string {
  const api = buildSchema(schema);
  const files = [OPERATIONS, TEAM_DOCUMENTS].flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.graphql'))
          .sort()
          .map((f) => join(dir, f))
      : [],
  );
  const documents = files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const problems = validate(api, parse(source));
    if (problems.length > 0) throw new Error(`${file} does not fit the public API: ${problems.map((p) => p.message).join('; ')}`);
    return documentsOfSource(source, file);
  });
  return manifestText(documents);
}

function apiSchema(): string {
  const schema = Supergraph.build(readFileSync(SUPERGRAPH, 'utf8')).apiSchema().toGraphQLJSSchema();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

async function generatedFiles(schema: string): Promise<Map<string, string>> {
  const outputs = await generate(
    {
      schema,
      documents: join(PACKAGE, 'src', 'operations', '*.graphql'),
      silent: true,
      generates: {
        [GENERATED]: {
          preset: 'client',
          presetConfig: { fragmentMasking: false },
          config: {
            // Dates travel as ISO strings; no scalar is left as `any`.
            scalars: { Date: 'string' },
            strictScalars: true,
            useTypeImports: true,
            enumsAsTypes: true,
            importExtension: '.ts',
          },
        },
      },
    },
    false,
  );
  return new Map(outputs.map((o: { filename: string; content: string }) => [o.filename, o.content]));
}

/** Every generated file, by absolute path, with the content it should have. */
export async function clientFiles(): Promise<Map<string, string>> {
  const schema = apiSchema();
  return new Map([[SCHEMA, schema], [MANIFEST, trustedManifest(schema)], ...(await generatedFiles(schema))]);
}
