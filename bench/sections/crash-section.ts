// The crash loop at ≥ 200 cycles (issue 6, reliability.md §2.4): runs the real test, test/crash, under vitest
// with CRASH_CYCLES as a child process and reports cycles, acknowledged writes, failures (must be 0) and wall
// time. 5–8 minutes: runs only with --with-crash or when `crash` is named in --only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchContext } from '../bench-context';

const SECTION = 'crash';
const CYCLES = Number(process.env.LICENCE_DESK_BENCH_CRASH_CYCLES ?? 200);

/**
 * Preloaded (NODE_OPTIONS=--require) into every Node process of the run; it acts only in the crash-loop's
 * writer (crash-child.cjs): it notes each start and copies each "ACK <code> <licence>" line the writer prints
 * (the line the test collects as an acknowledged write) to a file. The line goes to stdout first, so a kill
 * between the two writes can only under-count, by at most one per cycle.
 */
const ACK_TAP = `
const path = require('node:path');
const fs = require('node:fs');
const file = process.env.LICENCE_DESK_BENCH_ACK_FILE;
if (file && path.basename(process.argv[1] || '') === 'crash-child.cjs') {
  fs.appendFileSync(file, 'START\\n');
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    const result = write(chunk, ...rest);
    const acks = String(chunk).split('\\n').filter((line) => line.startsWith('ACK '));
    if (acks.length > 0) fs.appendFileSync(file, acks.join('\\n') + '\\n');
    return result;
  };
  // The writer's own error, if it fails (the test then fails on its non-empty stderr).
  const writeError = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk, ...rest) => {
    fs.appendFileSync(file, 'ERR ' + String(chunk).split('\\n')[0] + '\\n');
    return writeError(chunk, ...rest);
  };
}
`;

interface VitestJson {
  numTotalTests: number;
  numFailedTests: number;
  numPassedTests: number;
  testResults: Array<{
    assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }>;
  }>;
}

export async function crashSection(b: BenchContext): Promise<void> {
  const name = `crash loop, ${CYCLES} SIGKILL cycles (test/crash under vitest)`;
  if (!b.options.withCrash) {
    b.report.skip(SECTION, name, 'takes 5–8 minutes: pass --with-crash or --only crash', '0 failures');
    return;
  }
  const vitest = path.join(b.appRoot, 'node_modules', 'vitest', 'vitest.mjs');
  if (!fs.existsSync(path.join(b.appRoot, 'test', 'crash')) || !fs.existsSync(vitest)) {
    b.report.skip(SECTION, name, 'needs the repository checkout (test/crash and vitest)', '0 failures');
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-bench-crash-'));
  const tap = path.join(work, 'ack-tap.cjs');
  const acksFile = path.join(work, 'acks.txt');
  const jsonFile = path.join(work, 'vitest.json');
  fs.writeFileSync(tap, ACK_TAP);
  fs.writeFileSync(acksFile, '');
  const env = {
    ...process.env,
    CRASH_CYCLES: String(CYCLES),
    LICENCE_DESK_BENCH_ACK_FILE: acksFile,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(tap)}`.trim(),
  };
  process.stdout.write(`  running ${CYCLES} cycles (about ${Math.round((CYCLES * 2.4) / 60)} minutes) …\n`);
  const started = performance.now();
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      [vitest, 'run', 'test/crash', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`],
      { cwd: b.appRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 400) output.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('exit', (exitCode) => resolve(exitCode));
  });
  const wallS = (performance.now() - started) / 1000;
  try {
    const lines = fs.readFileSync(acksFile, 'utf8').split('\n');
    const starts = lines.filter((l) => l === 'START').length;
    const acks = new Set(lines.filter((l) => l.startsWith('ACK '))).size;
    const writerError = lines.find((l) => l.startsWith('ERR '))?.slice(4);
    let failures: number;
    let detail = '';
    if (fs.existsSync(jsonFile)) {
      const result = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as VitestJson;
      const failed = result.testResults
        .flatMap((f) => f.assertionResults)
        .filter((a) => a.status !== 'passed');
      failures = failed.length;
      detail = failed
        .map((a) => `${a.fullName}: ${a.failureMessages[0]?.split('\n')[0] ?? a.status}`)
        .join('; ');
      if (result.numTotalTests === 0) {
        failures = 1;
        detail = 'no test ran';
      }
    } else {
      failures = 1;
      detail = `vitest wrote no report (exit ${code}): ${output.join('').slice(-500)}`;
    }
    b.report.add({
      section: SECTION,
      name,
      value: failures,
      unit: 'failures',
      target: '0 failures',
      met: failures === 0 && code === 0,
      note: `${starts} writer processes started and killed; ${acks.toLocaleString('en')} acknowledged writes (ACK lines the writers printed), each checked present after every later kill; wall ${(wallS / 60).toFixed(1)} min; vitest exit ${code}${detail ? `; ${detail}` : ''}${writerError ? `; the writer's error: ${writerError}` : ''}`,
    });
    b.report.add({ section: SECTION, name: 'crash loop wall time', value: wallS / 60, unit: 'min' });
    b.report.add({ section: SECTION, name: 'crash loop acknowledged writes', value: acks, unit: 'writes' });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
