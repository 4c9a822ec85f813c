import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Ink reads CI at import and draws nothing until exit when it is set.
    env: { CI: '', NODE_ENV: 'test' },
    testTimeout: 30_000,
  },
});
