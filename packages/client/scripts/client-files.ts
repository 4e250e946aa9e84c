// The public API schema is the composed supergraph's API schema (what a client can ask: no join__ or
// link__ machinery), and the typed documents come from src/operations/*.graphql (GraphQL Code Generator,
// client preset: a TypedDocumentNode per operation, so a client's variables and answers are typed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, Kind, lexicographicSortSchema, parse, printSchema, validate } from 'graphql';
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

/** The .graphql files of a folder, sorted; none when the folder is absent. */
function graphqlFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.graphql'))
        .sort()
        .map((f) => join(dir, f))
    : [];
}

/** A file holding fragments only: shared selections any operation file may spread (learner-summary.graphql). */
function isFragmentFile(source: string): boolean {
  return parse(source).definitions.every((d) => d.kind === Kind.FRAGMENT_DEFINITION);
}

/**
 * The trusted documents manifest: the client's operations and every team's, each checked against the API.
 * Each registered document carries the shared fragments it spreads, so a document is whole on its own.
 */
function trustedManifest(schema: string): string {
  const api = buildSchema(schema);
  const sources = [OPERATIONS, TEAM_DOCUMENTS].flatMap(graphqlFiles).map((file) => ({ file, source: readFileSync(file, 'utf8') }));
  const shared = sources.filter(({ source }) => isFragmentFile(source)).map(({ source }) => source);
  const documents = sources
    .filter(({ source }) => !isFragmentFile(source))
    .flatMap(({ file, source }) =>
      documentsOfSource([source, ...shared].join('\n'), file).map((entry) => {
        const problems = validate(api, parse(entry.document));
        if (problems.length > 0) throw new Error(`${file} does not fit the public API: ${problems.map((p) => p.message).join('; ')}`);
        return entry;
      }),
    );
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
