#!/usr/bin/env node
// `npm test` runs this first: it finds the system programs the tests need, installs the missing ones where it
// can (root or password-less sudo on Debian/Ubuntu with apt-get), and otherwise stops before any test runs
// with one line naming what to install and how.
//
//   Chromium            the browser end-to-end tests (Playwright drives Debian's /usr/bin/chromium)
//   poppler-utils       pdftotext, pdfinfo, pdftoppm, pdffonts: the PDF checks
//   PostgreSQL server   initdb, pg_ctl, postgres: the PostgreSQL store's tests start throwaway clusters
// No system font is needed: the PDF font is committed under resources/fonts.
//
// Overrides: LICENCE_DESK_CHROMIUM (a Chromium/Chrome binary; playwright.config.ts honours it too) and
// LICENCE_DESK_PG_BIN (a folder holding initdb, pg_ctl and postgres). The finders are exported for the tests
// (test/helpers/postgres-bin.ts, playwright.config.ts); importing this file runs nothing.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_ENV = 'LICENCE_DESK_CHROMIUM';
export const PG_BIN_ENV = 'LICENCE_DESK_PG_BIN';

const POPPLER_PROGRAMS = ['pdftotext', 'pdfinfo', 'pdftoppm', 'pdffonts'];
const PG_PROGRAMS = ['initdb', 'pg_ctl', 'postgres'];
const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium', // Debian, Arch
  '/usr/bin/chromium-browser', // Fedora (on Ubuntu a snap stub, which is skipped)
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/usr/bin/google-chrome-stable', // Google's .deb, e.g. on Ubuntu, whose own Chromium is a snap
];

function isExecutableFile(file) {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Ubuntu's chromium and chromium-browser debs only install a script that runs the snap. */
function isSnapStub(file) {
  try {
    if (fs.realpathSync(file).startsWith('/snap/')) return true;
    if (fs.statSync(file).size > 64 * 1024) return false;
    return /\/snap\/|\bsnap run\b/.test(fs.readFileSync(file, 'latin1'));
  } catch {
    return false;
  }
}

/** The Chromium the browser tests launch: $LICENCE_DESK_CHROMIUM, else the first non-snap candidate, else null. */
export function findChromium() {
  const override = process.env[CHROMIUM_ENV];
  if (override) return isExecutableFile(override) ? override : null;
  return CHROMIUM_CANDIDATES.find((file) => isExecutableFile(file) && !isSnapStub(file)) ?? null;
}

function which(program) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutableFile(path.join(dir, program))) return path.join(dir, program);
  }
  return null;
}

function hasPostgresPrograms(dir) {
  return PG_PROGRAMS.every((program) => isExecutableFile(path.join(dir, program)));
}

/** Newest major first: /usr/lib/postgresql/16/bin before /usr/lib/postgresql/15/bin. */
function versionedBinDirs(parent, prefix) {
  let names;
  try {
    names = fs.readdirSync(parent).filter((name) => name.startsWith(prefix));
  } catch {
    return [];
  }
  const major = (name) => Number.parseFloat(name.slice(prefix.length)) || 0;
  return names.sort((a, b) => major(b) - major(a)).map((name) => path.join(parent, name, 'bin'));
}

/**
 * The folder holding the PostgreSQL server programs (initdb, pg_ctl, postgres): $LICENCE_DESK_PG_BIN, else
 * where initdb on PATH really lives, else the newest /usr/lib/postgresql/<major>/bin (Debian's layout, not on
 * PATH), else Homebrew's; null when there is none.
 */
export function findPostgresBinDir() {
  const override = process.env[PG_BIN_ENV];
  if (override) return hasPostgresPrograms(override) ? override : null;
  const initdb = which('initdb');
  if (initdb) {
    for (const dir of [path.dirname(fs.realpathSync(initdb)), path.dirname(initdb)]) {
      if (hasPostgresPrograms(dir)) return dir;
    }
  }
  const candidates = [
    ...versionedBinDirs('/usr/lib/postgresql', ''),
    ...versionedBinDirs('/opt/homebrew/opt', 'postgresql@'),
    ...versionedBinDirs('/usr/local/opt', 'postgresql@'),
  ];
  return candidates.find(hasPostgresPrograms) ?? null;
}

function findPopplerDir() {
  const found = POPPLER_PROGRAMS.map(which);
  return found.every(Boolean) ? path.dirname(found[0]) : null;
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { encoding: 'utf8', ...options });
}

function userExists(name) {
  const result = run('id', ['-u', name]);
  return result.status === 0;
}

/** A set but unusable override: installing packages cannot fix it, so it is reported as is. */
function badOverride() {
  const chromium = process.env[CHROMIUM_ENV];
  if (chromium && !isExecutableFile(chromium)) {
    return `${CHROMIUM_ENV}=${chromium} is not an executable file: point it at a Chromium or Chrome binary, or unset it.`;
  }
  const pgBin = process.env[PG_BIN_ENV];
  if (pgBin && !hasPostgresPrograms(pgBin)) {
    return `${PG_BIN_ENV}=${pgBin} lacks one of ${PG_PROGRAMS.join(', ')}: point it at PostgreSQL's bin folder, or unset it.`;
  }
  return null;
}

/** The Debian packages whose programs are missing, with the reason. */
function missingPrerequisites() {
  const missing = [];
  if (!findChromium()) missing.push({ pkg: 'chromium', why: 'no Chromium at /usr/bin/chromium' });
  const noPoppler = POPPLER_PROGRAMS.filter((program) => !which(program));
  if (noPoppler.length) missing.push({ pkg: 'poppler-utils', why: `${noPoppler.join(', ')} not on PATH` });
  if (!findPostgresBinDir()) {
    missing.push({
      pkg: 'postgresql',
      why: 'no initdb, pg_ctl and postgres on PATH or in /usr/lib/postgresql/*/bin',
    });
  }
  return missing;
}

function osRelease() {
  try {
    const text = fs.readFileSync('/etc/os-release', 'utf8');
    const get = (key) => text.match(new RegExp(`^${key}="?([^"\\n]*)"?$`, 'm'))?.[1] ?? '';
    return { id: get('ID'), like: get('ID_LIKE') };
  } catch {
    return { id: '', like: '' };
  }
}

/** What the advice depends on: the OS, whether it is Ubuntu (Chromium only as a snap), its package manager. */
export function detectHost() {
  const { id, like } = osRelease();
  return {
    platform: process.platform,
    ubuntu: id === 'ubuntu' || /\bubuntu\b/.test(like),
    packageManager: process.platform === 'linux' ? (['apt-get', 'dnf', 'pacman'].find(which) ?? null) : null,
  };
}

const UBUNTU_CHROMIUM = `Ubuntu's Chromium is a snap, which Playwright cannot launch reliably: install Google Chrome's .deb (found at /usr/bin/google-chrome-stable) or set ${CHROMIUM_ENV}=/path/to/chromium.`;

/** The one line that says what to install and how, for this OS; pkgs are Debian package names. */
export function guidance(pkgs, host = detectHost()) {
  const head = `LicenceDesk tests need: ${pkgs.join(', ')}.`;
  const installWith = `Install ${pkgs.length === 1 ? 'it' : 'them'} with:`;
  if (host.platform === 'darwin') {
    const brew = { 'poppler-utils': 'poppler', postgresql: 'postgresql@17' };
    const formulae = pkgs.map((p) => brew[p]).filter(Boolean);
    const steps = [
      formulae.length ? `brew install ${formulae.join(' ')}` : '',
      pkgs.includes('chromium') ? 'brew install --cask chromium' : '',
    ].filter(Boolean);
    return `${head} ${installWith} ${steps.join(' && ')}`;
  }
  if (host.platform !== 'linux') {
    return `${head} Run npm test on Linux (e.g. Debian in WSL), where ${pkgs.length === 1 ? 'it installs' : 'they install'} with: sudo apt-get install ${pkgs.join(' ')}`;
  }
  if (host.packageManager === 'apt-get') {
    if (!host.ubuntu || !pkgs.includes('chromium'))
      return `${head} ${installWith} sudo apt-get install ${pkgs.join(' ')}`;
    const rest = pkgs.filter((p) => p !== 'chromium');
    return `${head} ${UBUNTU_CHROMIUM}${rest.length ? ` Install the rest with: sudo apt-get install ${rest.join(' ')}` : ''}`;
  }
  if (host.packageManager === 'dnf') {
    const names = pkgs.map((p) => (p === 'postgresql' ? 'postgresql-server' : p));
    return `${head} ${installWith} sudo dnf install ${names.join(' ')}`;
  }
  if (host.packageManager === 'pacman') {
    const names = pkgs.map((p) => (p === 'poppler-utils' ? 'poppler' : p));
    return `${head} ${installWith} sudo pacman -S ${names.join(' ')}`;
  }
  return `${head} ${installWith.slice(0, -1)} your package manager (these are Debian's names), or set ${CHROMIUM_ENV} / ${PG_BIN_ENV} to where they are.`;
}

/** How to run apt-get with root rights: directly as root, through password-less sudo, or not at all. */
function privilegePrefix() {
  if (process.getuid?.() === 0) return [];
  if (which('sudo') && run('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return null;
}

function aptCandidate(pkg) {
  const candidate = run('apt-cache', ['policy', pkg]).stdout?.match(/Candidate:\s*(\S+)/)?.[1];
  return candidate && candidate !== '(none)' ? candidate : null;
}

/** apt-get with its output in a log file; returns true on success. */
function aptGet(prefix, args, log) {
  const command = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
  fs.appendFileSync(log, `\n$ ${command.join(' ')}\n`);
  const fd = fs.openSync(log, 'a');
  try {
    const result = spawnSync(command[0], command.slice(1), { stdio: ['ignore', fd, fd] });
    return result.status === 0;
  } finally {
    fs.closeSync(fd);
  }
}

function tail(file, lines) {
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Installs the missing Debian packages; returns the ones it could not install, each with a reason. */
function installWithApt(prefix, pkgs) {
  const log = path.join(os.tmpdir(), `licence-desk-apt-${process.pid}.log`);
  const who = prefix.length ? 'sudo apt-get' : 'apt-get';
  console.log(`Installing the test prerequisites with ${who}: ${pkgs.join(' ')} (log: ${log})`);
  const started = Date.now();
  if (!aptGet(prefix, ['update', '-q'], log)) {
    console.error(tail(log, 5));
    return pkgs.map((pkg) => ({ pkg, why: 'apt-get update failed' }));
  }
  // apt-get update exits 0 when a repository cannot be reached: its lists are then missing or stale.
  const unreachable = /^(Err:|W: Failed to fetch|W: Some index files failed)/m.test(
    fs.readFileSync(log, 'utf8'),
  );
  const failed = [];
  const available = [];
  for (const pkg of pkgs) {
    if (aptCandidate(pkg)) available.push(pkg);
    else {
      const why = unreachable
        ? `apt-get update could not reach a repository (see ${log})`
        : 'no such package here';
      failed.push({ pkg, why: `apt has no installable ${pkg}: ${why}` });
    }
  }
  const install = (list) => aptGet(prefix, ['install', '-y', '-q', '--no-install-recommends', ...list], log);
  if (available.length && !install(available)) {
    // One package that cannot install (e.g. a snap stub without snapd) must not keep out the others.
    for (const pkg of available) {
      if (!install([pkg])) failed.push({ pkg, why: `apt-get install failed (see ${log})` });
    }
  }
  console.log(`apt-get finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return failed;
}

/**
 * Tests run their throwaway clusters as the system user postgres when they run as root (initdb refuses root).
 * Debian's package creates that user; a PostgreSQL from elsewhere may not have. Returns an error line or null.
 */
function ensurePostgresUser() {
  if (process.getuid?.() !== 0 || userExists('postgres')) return null;
  const made = run('useradd', ['--system', '--user-group', '--home-dir', '/var/lib/postgresql', 'postgres']);
  if (made.status === 0) return null;
  return `LicenceDesk tests need the system user postgres: useradd --system postgres failed: ${(made.stderr ?? '').trim()}`;
}

function summary() {
  return `Test prerequisites: chromium ${findChromium()}, poppler-utils ${findPopplerDir()}, PostgreSQL ${findPostgresBinDir()}`;
}

function main() {
  const bad = badOverride();
  if (bad) {
    console.error(bad);
    return 1;
  }
  let missing = missingPrerequisites();
  const host = detectHost();
  const prefix = missing.length && host.packageManager === 'apt-get' ? privilegePrefix() : null;
  if (prefix) {
    // Ubuntu's chromium debs only install the snap (and fail without snapd): not worth an install.
    const wanted = missing.map((m) => m.pkg).filter((pkg) => !(host.ubuntu && pkg === 'chromium'));
    const failed = wanted.length ? installWithApt(prefix, wanted) : [];
    missing = missingPrerequisites();
    for (const m of missing) {
      let why =
        failed.find((f) => f.pkg === m.pkg)?.why ??
        (wanted.includes(m.pkg) ? `installed, but still ${m.why}` : m.why);
      if (m.pkg === 'chromium' && fs.existsSync('/snap/bin/chromium')) {
        why += '; only the snap /snap/bin/chromium is there, which Playwright cannot launch reliably';
      }
      console.error(`  ${m.pkg}: ${why}`);
    }
  }
  if (missing.length) {
    console.error(
      guidance(
        missing.map((m) => m.pkg),
        host,
      ),
    );
    return 1;
  }
  const noUser = ensurePostgresUser();
  if (noUser) {
    console.error(noUser);
    return 1;
  }
  console.log(summary());
  return 0;
}

// Run as a script only when it is the entry point; bundled into another program (the bench), import.meta.url
// is not there and nothing runs.
const self = typeof import.meta.url === 'string' ? fileURLToPath(import.meta.url) : null;
if (self !== null && process.argv[1] && fs.realpathSync(process.argv[1]) === self) {
  process.exitCode = main();
}
