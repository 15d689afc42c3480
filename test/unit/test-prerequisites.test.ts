// The preflight of `npm test` (scripts/test-prerequisites.mjs): its finders and its one-line refusals.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findChromium, findPostgresBinDir, guidance, type Host } from '../../scripts/test-prerequisites.mjs';
import { postgresProgram } from '../helpers/postgres-bin';

const script = path.resolve(import.meta.dirname, '../../scripts/test-prerequisites.mjs');
let dir: string;

function fakeProgram(folder: string, name: string, body = '#!/bin/sh\nexit 0\n'): string {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  fs.writeFileSync(file, body, { mode: 0o755 });
  return file;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-prereq-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.runIf(process.platform !== 'win32')('test prerequisites', () => {
  it('takes the Chromium named by LICENCE_DESK_CHROMIUM, and nothing when it is not executable', () => {
    const chromium = fakeProgram(dir, 'chrome');
    vi.stubEnv('LICENCE_DESK_CHROMIUM', chromium);
    expect(findChromium()).toBe(chromium);
    vi.stubEnv('LICENCE_DESK_CHROMIUM', path.join(dir, 'missing'));
    expect(findChromium()).toBeNull();
  });

  it('finds the real folder of an initdb on PATH, so pg_ctl and postgres come from the same install', () => {
    const bin = path.join(dir, 'lib/postgresql/16/bin');
    for (const name of ['initdb', 'pg_ctl', 'postgres']) fakeProgram(bin, name);
    const onPath = path.join(dir, 'local-bin');
    fs.mkdirSync(onPath);
    fs.symlinkSync(path.join(bin, 'initdb'), path.join(onPath, 'initdb'));
    vi.stubEnv('LICENCE_DESK_PG_BIN', '');
    vi.stubEnv('PATH', onPath);
    expect(findPostgresBinDir()).toBe(fs.realpathSync(bin));
    expect(postgresProgram('pg_ctl')).toBe(path.join(fs.realpathSync(bin), 'pg_ctl'));
  });

  it('takes LICENCE_DESK_PG_BIN only when it holds initdb, pg_ctl and postgres', () => {
    fakeProgram(dir, 'initdb');
    fakeProgram(dir, 'pg_ctl');
    vi.stubEnv('LICENCE_DESK_PG_BIN', dir);
    expect(findPostgresBinDir()).toBeNull();
    fakeProgram(dir, 'postgres');
    expect(findPostgresBinDir()).toBe(dir);
  });

  it('stops with one line, before anything else, when an override points at nothing', () => {
    const result = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      env: { ...process.env, LICENCE_DESK_CHROMIUM: path.join(dir, 'no-such-chrome') },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      `LICENCE_DESK_CHROMIUM=${path.join(dir, 'no-such-chrome')} is not an executable file: point it at a Chromium or Chrome binary, or unset it.`,
    ]);
  });

  it('names what to install in one line, for the machine it runs on', () => {
    const all = ['chromium', 'poppler-utils', 'postgresql'];
    const linux = (packageManager: Host['packageManager'], ubuntu = false): Host => ({
      platform: 'linux',
      ubuntu,
      packageManager,
    });
    expect(guidance(all, linux('apt-get'))).toBe(
      'LicenceDesk tests need: chromium, poppler-utils, postgresql. Install them with: sudo apt-get install chromium poppler-utils postgresql',
    );
    expect(guidance(['postgresql'], linux('apt-get'))).toBe(
      'LicenceDesk tests need: postgresql. Install it with: sudo apt-get install postgresql',
    );
    const ubuntu = guidance(all, linux('apt-get', true));
    expect(ubuntu).toMatch(
      /^LicenceDesk tests need: chromium, poppler-utils, postgresql\. Ubuntu's Chromium is a snap/,
    );
    expect(ubuntu).toMatch(/ Install the rest with: sudo apt-get install poppler-utils postgresql$/);
    expect(ubuntu).toContain('LICENCE_DESK_CHROMIUM=');
    expect(guidance(all, linux('dnf'))).toMatch(/sudo dnf install chromium poppler-utils postgresql-server$/);
    expect(guidance(all, { platform: 'darwin', ubuntu: false, packageManager: null })).toMatch(
      /brew install poppler postgresql@17 && brew install --cask chromium$/,
    );
    for (const host of [
      linux(null),
      linux('pacman'),
      { platform: 'win32', ubuntu: false, packageManager: null } as Host,
    ]) {
      const line = guidance(all, host);
      expect(line.split('\n')).toHaveLength(1);
      expect(line).toMatch(/^LicenceDesk tests need: chromium, poppler-utils, postgresql\. /);
    }
  });
});
