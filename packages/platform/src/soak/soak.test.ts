// The soak's own parts: which URLs it may aim at, how an answer is classed, and what "flat" means.
import { describe, expect, it } from 'vitest';
import { memoryOf, type SoakWindow } from './observer.ts';
import { soakSettingsFromEnv } from './settings.ts';
import { outcomeOf } from './traffic.ts';
import { memoryTrend, verdict } from './verdict.ts';

describe('the soak settings', () => {
  it.each(['http://127.0.0.1:4000/graphql', 'http://127.9.9.9:4000/graphql', 'http://localhost:4000/graphql', 'http://[::1]:4000/graphql'])(
    'attach to %s (loopback)',
    (url) => {
      expect(soakSettingsFromEnv({ SOAK_URL: url }).target).toMatchObject({ kind: 'attach', url });
    },
  );

  it.each(['http://10.0.0.1:4000/graphql', 'http://128.0.0.1/graphql', 'http://localhost.example/graphql', 'https://127.0.0.1/graphql', 'not a url'])(
    'refuse SOAK_URL=%s',
    (url) => {
      expect(() => soakSettingsFromEnv({ SOAK_URL: url })).toThrow(/SOAK_URL must be/);
    },
  );

  it('start the platform at full scale for 10 minutes by default, and refuse a bad scale', () => {
    expect(soakSettingsFromEnv({})).toMatchObject({ target: { kind: 'start', scale: 1 }, seconds: 600, reportSeconds: 30 });
    expect(() => soakSettingsFromEnv({ SOAK_SCALE: '2' })).toThrow(/SOAK_SCALE/);
    expect(() => soakSettingsFromEnv({ SOAK_SECONDS: '3601' })).toThrow(/SOAK_SECONDS/);
  });
});

describe('an outcome', () => {
  it('is ok for 200 without errors, the first code otherwise, error for a body without one', () => {
    expect(outcomeOf({ status: 200 })).toBe('ok');
    expect(outcomeOf({ status: 400, errors: [{ message: 'deep', extensions: { code: 'QUERY_TOO_DEEP' } }] })).toBe('QUERY_TOO_DEEP');
    expect(outcomeOf({ status: 200, errors: [{ message: 'gone', extensions: { code: 'AUTHORITY_UNAVAILABLE' } }] })).toBe('AUTHORITY_UNAVAILABLE');
    expect(outcomeOf({ status: 500 })).toBe('error');
  });
});

describe('memory after warm-up', () => {
  const MIB = 2 ** 20;
  const window = (endSeconds: number, heapMiB: number, rssMiB: number): SoakWindow => ({
    endSeconds,
    outcomes: new Map([['ok', 1]]),
    unexpected: 0,
    healthMs: [5],
    healthFailed: 0,
    heapFloor: heapMiB * MIB,
    memory: { heapUsed: heapMiB * MIB, rss: rssMiB * MIB },
  });
  const limits = { maxHeapSlope: 2, maxRssSlope: 4 };

  it('reads heap and RSS from a Prometheus exposition', () => {
    expect(memoryOf('# HELP x\nnodejs_heap_size_used_bytes{service="gateway"} 1048576\nprocess_resident_memory_bytes 2097152\n')).toEqual({
      heapUsed: MIB,
      rss: 2 * MIB,
    });
  });

  it('judges only the second half: a warm-up climb then flat is healthy', () => {
    // 30 s windows for 4 minutes: up 100 MiB a window for the first half, then flat.
    const windows = [30, 60, 90, 120, 150, 180, 210, 240].map((s) => window(s, s <= 120 ? s * 3 : 360, 500));
    expect(memoryTrend(windows)).toMatchObject({ heapSlope: 0, rssSlope: 0, windows: 4 });
    expect(verdict({ windows, finalHealthStatus: 200, unexpected: 0, normalOk: 8, limits }).healthy).toBe(true);
  });

  it('a heap floor growing 1.9 MiB a minute is flat, 2.1 is not', () => {
    const growing = (perMinute: number) => [150, 180, 210, 240].map((s) => window(s, 300 + (s / 60) * perMinute, 500));
    expect(verdict({ windows: [window(30, 1, 1), ...growing(1.9)], finalHealthStatus: 200, unexpected: 0, normalOk: 1, limits }).healthy).toBe(true);
    const grown = verdict({ windows: [window(30, 1, 1), ...growing(2.1)], finalHealthStatus: 200, unexpected: 0, normalOk: 1, limits });
    expect(grown.healthy).toBe(false);
    expect(grown.lines.at(-1)).toMatch(/UNHEALTHY: the heap grew \+2\.10 MiB\/min after warm-up/);
  });

  it('is unhealthy when /health fails at the end or a request got what its kind does not expect', () => {
    const windows = [30, 60, 90, 120].map((s) => window(s, 300, 500));
    expect(verdict({ windows, finalHealthStatus: 503, unexpected: 0, normalOk: 1, limits }).lines.at(-1)).toMatch(/\/health answered 503 at the end/);
    expect(verdict({ windows, finalHealthStatus: 200, unexpected: 3, normalOk: 1, limits }).lines.at(-1)).toMatch(
      /3 requests did not get what their kind expects/,
    );
  });
});
