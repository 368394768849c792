/**
 * Moves the test process's clock by `VK_CLOCK_SHIFT_DAYS` days (unset: no change). The test command runs one of its
 * vitest passes with the clock ten years ahead, so a test that passes only near the day it was written fails in CI.
 * Only `Date` moves: the PostgreSQL server keeps the machine's time, as a database in another time would.
 */
const days = Number(process.env.VK_CLOCK_SHIFT_DAYS ?? '0')

if (Number.isInteger(days) && days !== 0) {
  const RealDate = Date
  const offset = days * 86_400_000
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...(args as [string | number | Date]))
    }
    static override now(): number {
      return RealDate.now() + offset
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor
}
