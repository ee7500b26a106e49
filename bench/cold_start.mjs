// Cold start: time from spawning `nico serve` to its first 200 on /up (median of several runs).
// Usage: node bench/cold_start.mjs <nico binary> <port> [runs]   (environment: the bench configuration)
import { spawn } from 'node:child_process';
import http from 'node:http';

const [binary, port, runsText] = process.argv.slice(2);
const runs = Number(runsText || 5);

function probe() {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/up', agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(1000, () => { request.destroy(); resolve(false); });
  });
}

async function once() {
  const started = process.hrtime.bigint();
  const child = spawn(binary, ['serve', '--port', port], { stdio: 'ignore' });
  let elapsedMs = null;
  while (elapsedMs === null) {
    if (await probe()) elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    else if (Number(process.hrtime.bigint() - started) > 10e9) throw new Error('nico serve did not answer /up within 10 s');
    else await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return elapsedMs;
}

const samples = [];
for (let i = 0; i < runs; i++) samples.push(await once());
samples.sort((a, b) => a - b);
console.log(JSON.stringify({ cold_start_ms: samples[Math.floor(samples.length / 2)], samples_ms: samples }));
