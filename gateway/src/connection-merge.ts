// Merges one page of a connection from many authorities into one page, in global id order.
// Each authority's page is fetched with hidden fields (cursors, hasNextPage, totalCount) so the merge
// never depends on what the client selected.
import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionNode } from 'graphql';
import { decodeCursor, encodeCursor } from '@wales-lac/paging';
import { collectFields, responseKey, type Variables } from './operation.ts';
import type { ResponseError } from './response.ts';

const HIDDEN_EDGES = '_shardingEdges';
const HIDDEN_CURSOR = '_shardingCursor';
const HIDDEN_PAGE_INFO = '_shardingPageInfo';
const HIDDEN_TOTAL = '_shardingTotal';

const field = (name: string, alias?: string, selections?: SelectionNode[]): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  ...(alias ? { alias: { kind: Kind.NAME, value: alias } } : {}),
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});

/** The connection field with the hidden fields the merge needs added to its selection. */
export function withMergeFields(connection: FieldNode): FieldNode {
  const hidden = [
    field('edges', HIDDEN_EDGES, [field('cursor', HIDDEN_CURSOR)]),
    field('pageInfo', HIDDEN_PAGE_INFO, [field('hasNextPage')]),
    field('totalCount', HIDDEN_TOTAL),
  ];
  return { ...connection, selectionSet: { kind: Kind.SELECTION_SET, selections: [...(connection.selectionSet?.selections ?? []), ...hidden] } };
}

export interface AuthorityPage {
  readonly authorityCode: string;
  /** The connection object the authority returned (with the hidden fields), or null if it returned none. */
  readonly connection: Record<string, unknown> | null;
  readonly errors: readonly ResponseError[];
}

interface Candidate {
  readonly id: string;
  readonly page: AuthorityPage;
  readonly index: number;
}

function candidatesOf(page: AuthorityPage): Candidate[] {
  const edges = (page.connection?.[HIDDEN_EDGES] ?? []) as { [HIDDEN_CURSOR]?: string }[];
  return edges.flatMap((edge, index) => {
    const id = decodeCursor(edge[HIDDEN_CURSOR] ?? '');
    return id === null ? [] : [{ id, page, index }];
  });
}

export interface MergedPage {
  readonly connection: Record<string, unknown>;
  readonly errors: ResponseError[];
}

export function mergeConnectionPages(
  connection: FieldNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Variables,
  first: number,
  pages: readonly AuthorityPage[],
  typename = 'LearnerConnection',
): MergedPage {
  const all = pages.flatMap(candidatesOf).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = all.slice(0, first);
  const hasNextPage =
    all.length > first || pages.some((p) => (p.connection?.[HIDDEN_PAGE_INFO] as { hasNextPage?: boolean } | undefined)?.hasNextPage === true);
  const totalCount = pages.reduce((sum, p) => sum + Number(p.connection?.[HIDDEN_TOTAL] ?? 0), 0);
  const last = taken.at(-1);
  const endCursor = last ? encodeCursor(last.id) : null;

  const merged: Record<string, unknown> = {};
  const edgesKeys = new Set<string>();
  for (const f of collectFields(connection.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }, fragments, variables)) {
    const key = responseKey(f);
    if (f.name.value === 'edges') {
      edgesKeys.add(key);
      merged[key] = taken.map((t) => (t.page.connection?.[key] as unknown[] | undefined)?.[t.index] ?? null);
    } else if (f.name.value === 'totalCount') merged[key] = totalCount;
    else if (f.name.value === '__typename') merged[key] = typename;
    else if (f.name.value === 'pageInfo') {
      const info: Record<string, unknown> = { ...(merged[key] as Record<string, unknown> | undefined) };
      for (const p of collectFields(f.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }, fragments, variables)) {
        const value = { hasNextPage, endCursor, __typename: 'PageInfo' }[p.name.value];
        info[responseKey(p)] = value ?? null;
      }
      merged[key] = info;
    }
  }
  return { connection: merged, errors: relocateErrors(pages, taken, edgesKeys) };
}

/** Moves errors under an authority's edge i to that edge's place in the merged page; drops those of edges not taken. */
function relocateErrors(pages: readonly AuthorityPage[], taken: readonly Candidate[], edgesKeys: ReadonlySet<string>): ResponseError[] {
  const position = new Map(taken.map((t, i) => [`${t.page.authorityCode}#${t.index}`, i]));
  return pages.flatMap((page) =>
    page.errors.flatMap((error) => {
      const path = error.path;
      if (!path || path.length < 3 || !edgesKeys.has(String(path[1])) || typeof path[2] !== 'number') return [error];
      const at = position.get(`${page.authorityCode}#${path[2]}`);
      return at === undefined ? [] : [{ ...error, path: [path[0] ?? '', path[1] ?? '', at, ...path.slice(3)] }];
    }),
  );
}
