// Starts the NicoReparaciones binary for one test file: fresh temp dir + SQLite database, `migrate --force`,
// then `serve` on 127.0.0.1:<free port>, ready once GET /up answers 200.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: two levels up from tests/e2e. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The app binary: $NICO_BIN, else <repo>/build/nico. */
export const NICO_BIN = process.env.NICO_BIN
  ? path.resolve(REPO_ROOT, process.env.NICO_BIN)
  : path.join(REPO_ROOT, 'build', 'nico');

/** Runs `nico <args>` with a started server's environment (throws with its output when it fails). */
export function runNico(server, args) {
  return execFileSync(NICO_BIN, args, { env: server.env, cwd: REPO_ROOT });
}

/** Creates the admin `{ email, password }` in the server's database. */
export function createAdmin(server, admin) {
  runNico(server, ['user:create-admin', '--email', admin.email, '--password', admin.password]);
}

/** Runs SQL statements on the server's SQLite database through the sqlite3 shell. */
export function runSql(server, statements) {
  execFileSync('sqlite3', [server.env.DB_DATABASE], { input: statements });
}

const READY_TIMEOUT_MS = 20_000;
const MIGRATE_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const LOG_LIMIT = 200_000; // characters of server output kept for error messages

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function assertBinary() {
  try {
    accessSync(NICO_BIN, constants.X_OK);
  } catch {
    throw new Error(
      `App binary not found or not executable: ${NICO_BIN} ` +
        '(build it first, e.g. cmake --build build, or set NICO_BIN)',
    );
  }
}

function tail(text, lines = 60) {
  return text.split('\n').slice(-lines).join('\n');
}

/** Runs the binary to completion; resolves { code, signal, output }. */
function run(args, env, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(NICO_BIN, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (d) => {
      output = (output + d.toString()).slice(-LOG_LIMIT);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      output += `\n[e2e] killed after ${timeoutMs} ms\n`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the app. Returns { url, port, tmpDir, env, logs(), stop() }.
 * Options: env (extra environment), keepTmp (don't delete the temp dir; also via E2E_KEEP_TMP=1),
 * verbose (echo server output to stderr; also via E2E_VERBOSE=1).
 */
export async function startServer(options = {}) {
  assertBinary();
  const keepTmp = options.keepTmp ?? process.env.E2E_KEEP_TMP === '1';
  const verbose = options.verbose ?? process.env.E2E_VERBOSE === '1';
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'nico-e2e-'));
  const dbPath = path.join(tmpDir, 'database.sqlite');
  writeFileSync(dbPath, ''); // an empty file is a valid empty SQLite database

  const baseEnv = {
    ...process.env,
    // The temp dir is the app's base path (.env, storage/); templates and public/ come from the repo.
    NICO_BASE_PATH: tmpDir,
    NICO_RESOURCE_PATH: REPO_ROOT,
    APP_ENV: 'testing',
    APP_KEY: `base64:${randomBytes(32).toString('base64')}`,
    DB_CONNECTION: 'sqlite',
    DB_DATABASE: dbPath,
    APP_LOG_PATH: path.join(tmpDir, 'app.log'),
    PASSWORD_HASH_OPSLIMIT: '1',
    PASSWORD_HASH_MEMLIMIT_KIB: '8192',
    ...(options.env || {}),
  };

  const cleanupTmp = () => {
    if (!keepTmp) rmSync(tmpDir, { recursive: true, force: true });
  };

  try {
    const migrate = await run(['migrate', '--force'], baseEnv, MIGRATE_TIMEOUT_MS);
    if (migrate.code !== 0) {
      throw new Error(
        `\`${NICO_BIN} migrate --force\` failed (exit ${migrate.code ?? migrate.signal}):\n${tail(migrate.output)}`,
      );
    }
  } catch (err) {
    cleanupTmp();
    throw err;
  }

  // The port is free when asked but could be taken before the server binds it: retry a few times.
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { ...baseEnv, APP_URL: url };
    try {
      const server = await spawnAndWait(port, url, env, verbose);
      let stopped = null;
      return {
        url,
        port,
        tmpDir,
        env,
        logs: server.logs,
        /** SIGTERM, wait (SIGKILL after 10 s), delete the temp dir. Resolves { code, signal }. */
        stop() {
          stopped ??= server.stop().finally(cleanupTmp);
          return stopped;
        },
      };
    } catch (err) {
      lastError = err;
      if (!/address (already )?in use|EADDRINUSE/i.test(String(err.message))) break;
    }
  }
  cleanupTmp();
  throw lastError;
}

async function spawnAndWait(port, url, env, verbose) {
  const child = spawn(NICO_BIN, ['serve', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (d) => {
    output = (output + d.toString()).slice(-LOG_LIMIT);
    if (verbose) process.stderr.write(d);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let exit = null; // { code, signal } once the process has ended
  const exited = new Promise((resolve) => {
    child.on('close', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  let spawnError = null;
  child.on('error', (err) => {
    spawnError = err;
  });
  // Never leave the server behind if the test process dies.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (exit) return exit;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (spawnError) {
      await stop();
      throw new Error(`could not start ${NICO_BIN}: ${spawnError.message}`);
    }
    if (exit) {
      process.off('exit', killOnExit);
      throw new Error(
        `\`nico serve\` exited before becoming ready (exit ${exit.code ?? exit.signal}):\n${tail(output)}`,
      );
    }
    try {
      const res = await fetch(`${url}/up`, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return { stop, logs: () => output };
      lastProblem = `GET /up answered ${res.status}`;
    } catch (err) {
      lastProblem = `GET /up failed: ${err.cause?.code || err.message}`;
    }
    await sleep(100);
  }
  await stop();
  throw new Error(
    `\`nico serve\` not ready within ${READY_TIMEOUT_MS / 1000} s on ${url} (${lastProblem}):\n${tail(output)}`,
  );
}
