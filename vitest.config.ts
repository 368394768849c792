import { defineConfig } from 'vitest/config'
import { defaultServerConditions } from 'vite'

const conditions = ['vereinskit:source', ...defaultServerConditions]

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['vereinskit:source'] } },
  test: {
    setupFiles: ['test/setup/shift-clock.ts'],
    reporters: process.env.VK_VITEST_JSON ? ['default', ['json', { outputFile: process.env.VK_VITEST_JSON }]] : ['default'],
    projects: [
      { extends: true, test: { name: 'core', include: ['packages/core/{src,test}/**/*.test.ts'] } },
      { extends: true, test: { name: 'client', include: ['packages/client/{src,test}/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'server-adapter',
          include: ['packages/server-adapter/{src,test}/**/*.test.ts'],
          globalSetup: ['packages/server-adapter/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { extends: true, test: { name: 'elements', include: ['packages/elements/src/controllers/**/*.test.ts'] } },
      { extends: true, test: { name: 'repository', include: ['scripts/**/*.test.ts', 'test/**/*.test.ts'] } },
    ],
  },
})
