import { defineConfig } from 'tsup'

export default defineConfig({
  entry: [
    'src/index.ts',
    'src/define/iban-input.ts',
    'src/define/membership-application.ts',
    'src/define/appointment-booking.ts',
    'src/define/all.ts',
  ],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  tsconfig: 'tsconfig.build.json',
})
