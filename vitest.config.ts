import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Generous: a loaded 2-core machine (CI beside other jobs) migrates a PGlite database per file
    // in the hooks; these limits catch hangs, they do not measure speed (bench/ does).
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Integration files each get their own database; keep parallelism modest on 2 cores.
    maxWorkers: 2,
  },
});
