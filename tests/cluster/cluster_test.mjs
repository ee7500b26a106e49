// The cluster test (issue #8 items 2 and 4): drives the cluster of scripts/cluster-demo.sh through nginx.
// Run by tests/cluster/run.sh (`scripts/cluster-demo.sh run node tests/cluster/cluster_test.mjs`), which provides
// CLUSTER_URL, NODE_A_URL/NODE_B_URL, CLUSTER_DIR (bin/nico-a, bin/nico-b, logs/) and CLUSTER_SQL.
//
// Checks, in order: a session started on one node continues on the other; the repair-lookup rate limiter counts
// requests of both nodes together; 1,000 queued probe jobs run exactly once each across the two workers; the
// daily backup and health check run once per cluster when both nodes' schedulers run the same minute; `nico
// down` on node a puts node b (and nginx) in maintenance, `nico up` on node b lifts it; and a 30 s wrk run
// against nginx while `deploy/deploy.sh --rolling` restarts both nodes gets no error and no non-2xx/3xx answer.
// Prints the figures at the end (they go into the issue's closing note). Exit 1 on any failed check.
// CLUSTER_STORES_UNDER_TEST=redis (tests/cluster/run.sh, second pass): the nodes run with RATE_LIMIT_STORE=redis
// and CACHE_STORE=redis, and the limiter and scheduler checks also look for their keys in Redis (REDIS_URL) and
// for none in the database. CLUSTER_ROLLING=0 leaves out the rolling deploy under load.
import { execFile, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';

const run = promisify(execFile);
const env = process.env;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const bin = (node) => path.join(env.CLUSTER_DIR, 'bin', `nico-${node}`);
const figures = {};
const onRedis = env.CLUSTER_STORES_UNDER_TEST === 'redis';
let failures = 0;

function check(ok, what, detail = '') {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${what}${!ok && detail ? `\n        ${detail}` : ''}`);
  if (!ok) failures++;
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function nico(node, args) {
  try {
    const { stdout, stderr } = await run(bin(node), args, { maxBuffer: 16 << 20 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    return { code: error.code ?? 1, output: (error.stdout ?? '') + (error.stderr ?? '') };
  }
}

// Keys matching `pattern` in the cluster's Redis (redis-cli, Debian redis-tools).
async function redisKeys(pattern) {
  const { stdout } = await run('redis-cli', ['-u', env.REDIS_URL, '--scan', '--pattern', pattern]);
  return stdout.split('\n').filter(Boolean).length;
}

async function sql(query) {
  const [command, ...args] = env.CLUSTER_SQL.split(' ');
  const { stdout } = await run(command, [...args, '-e', query]);
  return stdout.trim();
}

// A browser: keeps cookies, never follows redirects, reports which node answered (X-Node).
class Client {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
  }
  async request(method, url, form) {
    const headers = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const response = await fetch(this.base + url, { method, headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return { status: response.status, node: response.headers.get('x-node'), location: response.headers.get('location'),
             body: await response.text() };
  }
  get(url) { return this.request('GET', url); }
  post(url, form) { return this.request('POST', url, form); }
  async token(url) {
    const page = await this.get(url);
    const match = page.body.match(/name="_token" value="([^"]+)"/);
    if (!match) throw new Error(`no CSRF token on ${url} (status ${page.status})`);
    return match[1];
  }
}

async function sessions() {
  console.log('session shared by both nodes');
  const email = 'cluster@example.test', password = 'Cluster-Clave-2026';
  const created = await nico('a', ['user:create-admin', `--email=${email}`, `--password=${password}`, '--name=Cluster']);
  check(created.code === 0, 'admin created with nico-a user:create-admin', created.output);
  const browser = new Client(env.CLUSTER_URL);
  const token = await browser.token('/login');
  const login = await browser.post('/login', { _token: token, email, password });
  check(login.status === 302 && !login.location.endsWith('/login'), `login answered by node ${login.node}`,
        `status ${login.status} → ${login.location}`);
  const nodes = new Map();
  for (let i = 0; i < 10; i++) {
    const page = await browser.get('/mi-cuenta');
    nodes.set(page.node, (nodes.get(page.node) ?? 0) + 1);
    if (page.status !== 200) check(false, `GET /mi-cuenta #${i} on node ${page.node}`, `status ${page.status}`);
  }
  check(nodes.has('a') && nodes.has('b'), `10 logged-in pages answered by both nodes (${[...nodes].map(([n, c]) => `${n}: ${c}`).join(', ')})`);
  figures.sessionRequests = 12;
}

async function rateLimiter() {
  console.log('rate limiter counts across nodes (repair lookup, 10 per minute)');
  const browser = new Client(env.CLUSTER_URL);
  const token = await browser.token('/reparacion');
  const answers = [];
  for (let i = 0; i < 14; i++) answers.push(await browser.post('/reparacion', { _token: token, code: 'NR-NOEXISTE', phone: '3510000000' }));
  const allowed = answers.filter((a) => a.status !== 429);
  const limited = answers.filter((a) => a.status === 429);
  const nodesOf = (list) => [...new Set(list.map((a) => a.node))].sort().join('+');
  check(allowed.length === 10 && answers.slice(0, 10).every((a) => a.status === 302),
        `the first 10 lookups were let through, by nodes ${nodesOf(allowed)}`, answers.map((a) => `${a.node}:${a.status}`).join(' '));
  check(limited.length === 4 && nodesOf(limited) === 'a+b', `the next 4 got 429 from nodes ${nodesOf(limited)}`);
  check(nodesOf(allowed) === 'a+b', 'the allowed ones were spread over both nodes');
  figures.rateLimitRequests = answers.length;
  if (onRedis) {
    const inRedis = await redisKeys(`${env.CLUSTER_ENV_CACHE_PREFIX ?? ''}limiter:*`);
    const inDatabase = Number(await sql("SELECT COUNT(*) FROM cache WHERE `key` LIKE '%limiter:%'"));
    check(inRedis >= 1 && inDatabase === 0, `counted in Redis (${inRedis} key(s)), not in the database (${inDatabase} row(s))`);
  }
}

async function queue() {
  console.log('1,000 queued jobs run once each across two workers');
  const pushed = await nico('a', ['queue:probe', '--count=1000', '--batch=cluster']);
  check(pushed.code === 0, 'pushed 1000 probe jobs from node a', pushed.output);
  let ran = 0;
  for (let i = 0; i < 1200 && ran < 1000; i++) {
    ran = Number(await sql("SELECT COUNT(*) FROM cache WHERE `key` LIKE '%queue.probe:cluster:%'"));
    if (ran < 1000) await sleep(250);
  }
  const twice = Number(await sql("SELECT COUNT(*) FROM cache WHERE `key` LIKE '%queue.probe:cluster:%' AND value <> '1'"));
  const left = Number(await sql('SELECT COUNT(*) FROM jobs'));
  const failed = Number(await sql('SELECT COUNT(*) FROM failed_jobs'));
  const doneBy = (node) => (readFileSync(path.join(env.CLUSTER_DIR, 'logs', `queue-${node}.log`), 'utf8')
    .match(/queue\.probe\S* #?\S* ?DONE/g) ?? []).length;
  figures.jobs = { distinct: ran, ranTwice: twice, left, failed, workerA: doneBy('a'), workerB: doneBy('b') };
  check(ran === 1000, `1000 distinct jobs ran (${ran})`);
  check(twice === 0, `none ran twice (${twice})`);
  check(left === 0 && failed === 0, `queue empty, no failed jobs (${left} left, ${failed} failed)`);
  check(figures.jobs.workerA + figures.jobs.workerB === 1000 && figures.jobs.workerA > 0 && figures.jobs.workerB > 0,
        `both workers took part (a: ${figures.jobs.workerA}, b: ${figures.jobs.workerB})`);
}

function backupsIn(node) {
  const dir = path.join(env.CLUSTER_DIR, `node-${node}`, 'storage/app/backups');
  try { return readdirSync(dir).filter((name) => !name.startsWith('.')).length; } catch { return 0; }
}

async function scheduler() {
  console.log('daily backup and health check once per cluster');
  const minute = '--now=2026-03-02 03:30';  // OPS_BACKUP_TIME = OPS_HEALTH_CHECK_TIME = 03:30 in the demo
  const [a, b] = await Promise.all([nico('a', ['schedule:run', minute]), nico('b', ['schedule:run', minute])]);
  const both = a.output + b.output;
  const count = (text) => both.split(text).length - 1;
  figures.scheduler = {
    backupRuns: count('Running [backup]'), healthRuns: count('Running [health-check]'),
    backupSkips: count('Skipping [backup]: already run'), healthSkips: count('Skipping [health-check]: already run'),
    backupsTaken: backupsIn('a') + backupsIn('b'),
  };
  const s = figures.scheduler;
  check(s.backupRuns === 1 && s.backupSkips === 1, `backup ran once, skipped once (${s.backupRuns}/${s.backupSkips})`, both);
  check(s.healthRuns === 1 && s.healthSkips === 1, `health check ran once, skipped once (${s.healthRuns}/${s.healthSkips})`, both);
  check(s.backupsTaken >= 1 && count('Done [backup]') === 1, `one backup taken (${s.backupsTaken} item(s) in the two nodes' backup folders)`, both);
  if (onRedis) {
    const claims = await redisKeys(`lock:${env.CLUSTER_ENV_CACHE_PREFIX ?? ''}schedule:backup:*`);
    const rows = Number(await sql("SELECT COUNT(*) FROM cache_locks WHERE `key` LIKE '%schedule:%'"));
    check(claims >= 1 && rows === 0, `claims taken in Redis (${claims} backup claim(s)), none in the database (${rows})`);
  }
}

async function waitForStatus(url, status, seconds = 10) {
  const started = Date.now();
  let last = 0;
  while (Date.now() - started < seconds * 1000) {
    last = (await fetch(url, { redirect: 'manual' })).status;
    if (last === status) return (Date.now() - started) / 1000;
    await sleep(50);
  }
  throw new Error(`${url} still answers ${last}, expected ${status}`);
}

async function maintenance() {
  console.log('nico down on node a → whole cluster in maintenance; nico up on node b → back');
  const down = await nico('a', ['down', '--secret=cluster-bypass-123']);
  check(down.code === 0 && down.output.includes('every node'), 'nico-a down wrote file and database', down.output);
  const toB = await waitForStatus(`${env.NODE_B_URL}/login`, 503);
  const toNginx = await waitForStatus(`${env.CLUSTER_URL}/login`, 503);
  check(true, `node b answers 503 after ${toB.toFixed(2)} s, nginx after ${toNginx.toFixed(2)} s more`);
  // Node b's worker pauses and its scheduler skips tasks (04:00 = backup-verify, half an hour after the backup).
  const queueLogB = () => readFileSync(path.join(env.CLUSTER_DIR, 'logs', 'queue-b.log'), 'utf8');
  for (let i = 0; i < 100 && !queueLogB().includes('the queue is paused'); i++) await sleep(100);
  check(queueLogB().includes('the queue is paused'), "node b's queue worker paused");
  const skipped = await nico('b', ['schedule:run', '--now=2026-03-02 04:00']);
  check(skipped.output.includes('Skipping [backup-verify]: the application is in maintenance mode.'),
        "node b's scheduler skips its tasks", skipped.output);
  const owner = new Client(env.NODE_B_URL);
  await owner.get('/cluster-bypass-123');
  check((await owner.get('/login')).status === 200, 'the bypass secret given on node a works on node b');
  const up = await nico('b', ['up']);
  check(up.code === 0 && up.output.includes('now live'), 'nico-b up', up.output);
  const backA = await waitForStatus(`${env.NODE_A_URL}/login`, 200);
  await waitForStatus(`${env.CLUSTER_URL}/login`, 200);
  check(true, `node a (which still has its flag file) answers 200 after ${backA.toFixed(2)} s`);
  for (let i = 0; i < 100 && !queueLogB().includes('the queue resumes'); i++) await sleep(100);
  check(queueLogB().includes('the queue resumes'), "node b's queue worker resumed");
  figures.maintenance = { downPropagationSeconds: Number(toB.toFixed(2)), upPropagationSeconds: Number(backA.toFixed(2)) };
}

async function rollingDeployUnderLoad() {
  console.log('wrk 30 s against nginx while deploy/deploy.sh --rolling restarts both nodes');
  const wrk = spawn('wrk', ['-t2', '-c8', '-d30s', `${env.CLUSTER_URL}/`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let report = '';
  wrk.stdout.on('data', (chunk) => { report += chunk; });
  const wrkDone = new Promise((resolve) => wrk.on('close', resolve));
  await sleep(4000);
  const nodes = `a=127.0.0.1:${env.NODE_A_PORT} b=127.0.0.1:${env.NODE_B_PORT}`;
  const deployOnce = () => new Promise((resolve) => {
    const child = spawn('bash', [path.join(root, 'deploy/deploy.sh'), '--rolling'], {
      cwd: env.NODE_A_DIR,
      env: { ...env, APP_DIR: env.NODE_A_DIR, NICO_BIN: bin('a'), NICO_BUILD_CMD: 'true', NICO_HEALTH_STRICT: '0',
             NICO_ROLLING_NODES: nodes, NICO_NODE_RESTART_CMD: `${path.join(root, 'scripts/cluster-demo.sh')} restart-node {node}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => { output += c; });
    child.stderr.on('data', (c) => { output += c; });
    child.on('close', (code) => resolve({ code, output }));
  });
  // A rolling deploy takes a few seconds here: repeat it while wrk runs, so most of the 30 s see a node restarting.
  let wrkFinished = false;
  wrkDone.then(() => { wrkFinished = true; });
  const rounds = [];
  const deployStarted = Date.now();
  while (!wrkFinished && Date.now() - deployStarted < 22000) {
    const deploy = await deployOnce();
    rounds.push(deploy);
    if (deploy.code !== 0) break;
    await sleep(500);
  }
  const deploy = rounds[0];
  check(rounds.length > 0 && rounds.every((r) => r.code === 0), `${rounds.length} rolling deploy(s) finished with exit 0`,
        rounds.map((r) => r.output).join('\n---\n'));
  console.log(deploy.output.trim().split('\n').filter((line) => /^==>|terminado|en línea/.test(line))
    .map((line) => `        | ${line}`).join('\n'));
  check(/node a[\s\S]*node b/.test(deploy.output), 'restarted node a, then node b');
  figures.rollingDeploys = rounds.length;
  await wrkDone;
  console.log(report.trim().split('\n').map((line) => `        | ${line}`).join('\n'));
  const requests = Number((report.match(/(\d+) requests in/) ?? [])[1] ?? 0);
  const non2xx = Number((report.match(/Non-2xx or 3xx responses: (\d+)/) ?? [0, 0])[1]);
  const socket = report.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  // Requests nginx had to pass to the other node because the first one was restarting (connect refused).
  const retried = readFileSync(path.join(env.CLUSTER_DIR, 'nginx/access.log'), 'utf8').split('\n')
    .filter((line) => /upstream_status=\S+, /.test(line)).length;
  figures.wrk = { requests, non2xx3xx: non2xx, socketErrors, retriedOnTheOtherNode: retried };
  check(requests > 0, `wrk made ${requests} requests`);
  check(non2xx === 0, `no non-2xx/3xx response (${non2xx})`);
  check(socketErrors === 0, `no socket error (${socketErrors})`);
}

const started = Date.now();
try {
  await sessions();
  await rateLimiter();
  await queue();
  await scheduler();
  await maintenance();
  if (env.CLUSTER_ROLLING !== '0') await rollingDeployUnderLoad();
} catch (error) {
  check(false, 'the cluster test ran to the end', error.stack);
}
console.log('\nCluster figures:');
console.log(JSON.stringify(figures, null, 2));
console.log(`cluster test (${onRedis ? 'Redis' : 'database'} stores): ${failures === 0 ? 'PASS' : `${failures} check(s) FAILED`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failures === 0 ? 0 : 1);
