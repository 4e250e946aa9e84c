// graphql ships CommonJS and ESM builds; Node loads the CommonJS one for everyone, but Vite would hand
// ESM importers the .mjs build, giving two graphql instances ("from another module or realm").
// Tests resolve graphql exactly as Node does.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export const sharedTestConfig = defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
});
