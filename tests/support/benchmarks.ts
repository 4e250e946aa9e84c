// A benchmarks refresh as a national analyst does it: ask for it, then wait for its release to finish building.
import type { TestPlatform } from './platform.ts';

export interface RefreshedRelease {
  readonly refreshed: { code: string }[];
  readonly unreachable: { code: string }[];
  readonly release: { id: string; state: string; failure: string | null };
}

/** Refreshes, then polls benchmarkReleases until the new release is published or failed (at most 2 minutes). */
export async function refreshAndWait(platform: TestPlatform, token: string): Promise<RefreshedRelease> {
  const { body } = await platform.graphql(token, 'mutation { refreshBenchmarks { refreshed { code } unreachable { code } release { id state } } }');
  if (body.errors) throw new Error(`refresh refused: ${JSON.stringify(body.errors)}`);
  const asked = body.data?.refreshBenchmarks as { refreshed: { code: string }[]; unreachable: { code: string }[]; release: { id: string } };
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const list = await platform.graphql(token, '{ benchmarkReleases(first: 10) { id state failure } }');
    const release = (list.body.data?.benchmarkReleases as RefreshedRelease['release'][] | undefined)?.find((r) => r.id === asked.release.id);
    if (release && release.state !== 'BUILDING') return { refreshed: asked.refreshed, unreachable: asked.unreachable, release };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`release ${asked.release.id} was still building after 2 minutes`);
}
