import { defineConfig } from 'tsup'

export default defineConfig({
  entry: [
    'src/index.ts',
    'src/contract/index.ts',
    'src/testing/index.ts',
    'src/sepa/index.ts',
    'src/applications/index.ts',
    'src/members/index.ts',
    'src/fees/index.ts',
    'src/ledger/index.ts',
    'src/invoicing/index.ts',
    'src/dunning/index.ts',
    'src/correspondence/index.ts',
    'src/direct-debit/index.ts',
    'src/bank-import/index.ts',
    'src/people/index.ts',
    'src/appointments/index.ts',
    'src/runs/index.ts',
    'src/settings/index.ts',
  ],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  tsconfig: 'tsconfig.build.json',
})
