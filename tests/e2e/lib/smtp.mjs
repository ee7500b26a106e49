// Mail for browser tests: a local SMTP receiver on 127.0.0.1 that keeps every message, the text of a message,
// and the queue worker that delivers queued mail (`nico queue:work --stop-when-empty`).
import { spawn } from 'node:child_process';
import net from 'node:net';

import { NICO_BIN, REPO_ROOT } from './server.mjs';

/** A minimal SMTP server (EHLO, MAIL, RCPT, DATA, QUIT). Resolves { port, messages (raw DATA strings), close() }. */
export function startSmtpReceiver() {
  const messages = [];
  const srv = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let data = '';
    socket.write('220 localhost ESMTP test\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('binary');
      let at;
      while ((at = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push(Buffer.from(data, 'binary').toString('utf8'));
            data = '';
            socket.write('250 OK\r\n');
          } else {
            data += (line.startsWith('..') ? line.slice(1) : line) + '\r\n';
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 localhost\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) => {
    srv.listen(0, '127.0.0.1', () => resolve({ port: srv.address().port, messages, close: () => srv.close() }));
  });
}

/** One MIME entity's text: its body, base64-decoded when its headers say so. */
function entityText(entity) {
  const split = entity.indexOf('\r\n\r\n');
  if (split < 0) return entity;
  const headers = entity.slice(0, split);
  const body = entity.slice(split + 4);
  return /content-transfer-encoding:\s*base64/i.test(headers)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body;
}

/** The readable text of a raw message: a single part, or every part of a multipart one joined. */
export function bodyText(raw) {
  const split = raw.indexOf('\r\n\r\n');
  const boundary = raw.slice(0, split).match(/boundary="?([^";\r\n]+)"?/i)?.[1];
  if (!boundary) return entityText(raw);
  return raw
    .slice(split + 4)
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => entityText(part.replace(/^\r\n/, '')))
    .join('\n');
}

/** Runs `nico queue:work --stop-when-empty` with the test server's environment. */
export function runWorker(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(NICO_BIN, ['queue:work', '--stop-when-empty'], { cwd: REPO_ROOT, env, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`queue:work exit ${code}: ${output}`))));
  });
}
