// The explorer in the browser: GraphiQL (schema, descriptions and docs from introspection) over the
// gateway, with the development role picker above it when the server issues tokens.
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './explorer.css';
import { createFetcher } from './fetcher.ts';
import { RolePicker, type ChosenRole } from './role-picker.tsx';
import { readSettings, type PageSettings } from './settings.ts';
import { labelEditors } from './label-editors.ts';

const FIRST_QUERY = `# Ask as the role chosen above (or paste a token in Headers: {"Authorization": "Bearer ..."}).
# The Docs button shows every type and field with its description.
{
  me { role authority { code name } }
}
`;

function Explorer({ settings }: { readonly settings: PageSettings }) {
  const [chosen, setChosen] = useState<ChosenRole | null>(null);
  const fetcher = useMemo(() => createFetcher(settings.graphqlPath, chosen?.token ?? null), [settings.graphqlPath, chosen]);
  return (
    <div className="explorer">
      <header className="explorer-header">
        <h1>Wales looked-after children's education graph</h1>
        {settings.tokenPath ? (
          <RolePicker settings={settings} tokenPath={settings.tokenPath} onToken={setChosen} />
        ) : (
          <p>Paste your token in the Headers tab below: {'{"Authorization": "Bearer …"}'}.</p>
        )}
        <p className="explorer-caller" aria-live="polite">
          {chosen ? `Asking as ${chosen.description}` : settings.tokenPath ? 'No role chosen yet: every question is refused until one is.' : ''}
        </p>
      </header>
      <main className="explorer-graphiql">
        <GraphiQL fetcher={fetcher} defaultQuery={FIRST_QUERY} isHeadersEditorEnabled shouldPersistHeaders={false} forcedTheme="light">
          <GraphiQL.Logo>Explorer</GraphiQL.Logo>
        </GraphiQL>
      </main>
    </div>
  );
}

const root = document.getElementById('explorer');
if (!root) throw new Error('the page has no #explorer element');
labelEditors(root);
createRoot(root).render(
  <StrictMode>
    <Explorer settings={readSettings()} />
  </StrictMode>,
);
