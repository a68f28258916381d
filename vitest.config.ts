// Vitest: unit and data-layer tests beside the code (*.test.ts); Playwright journeys live in e2e/.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['{app,lib,db,scripts}/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
    // PGlite starts in about a second per database; PostgreSQL databases are created per file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: one test file at a time per core keeps WASM start-up from starving.
    maxWorkers: 2,
  },
});
