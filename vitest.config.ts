import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Ink reads CI at import and draws nothing until exit unless it is unset, '0' or 'false'.
    env: { CI: 'false', NODE_ENV: 'test' },
    testTimeout: 30_000,
  },
});
