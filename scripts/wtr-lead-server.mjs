// A lead endpoint for the browser tests (test/browser/leads.browser.test.ts): an HTTP server on
// 127.0.0.1 on a port of its own, so the page (served by web-test-runner on another port) posts
// cross-origin and the browser sends a CORS preflight first. Started on the first command, stopped
// with the test server. Tests drive it through web-test-runner commands:
//   lead-server            { responses? } → { url }; forgets what was received, sets the script
//   lead-server-respond    { responses }: what the next posts are answered (a status, 'hang':
//                          no answer until released or the page goes away, 'close': the socket
//                          closed without an answer, a network error for the page, or
//                          { status, retryAfter } with a `Retry-After` in seconds); then 200
//   lead-server-release    { status }: answers every hanging post
//   lead-server-log        → [{ idempotencyKey, origin, contentType, lead, status }] (posts only)
//   lead-offline           true | false: the network of the frames of another origin than the test
//                          page off or on (Chromium emulation) → how many frames
import { createServer } from 'node:http';

export function leadServerPlugin() {
  let server;
  let url;
  let script = [];
  const log = [];
  const hanging = new Set();

  const cors = (req) => ({
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type, idempotency-key',
    'access-control-max-age': '0',
    vary: 'origin',
  });

  function answer(res, req, entry, status, retryAfter) {
    entry.status = status;
    if (res.writableEnded || res.destroyed) return;
    const extra =
      retryAfter === undefined ? {} : { 'retry-after': String(retryAfter), 'access-control-expose-headers': 'retry-after' };
    res.writeHead(status, { ...cors(req), ...extra, 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: status < 300 }));
  }

  async function start() {
    if (server) return;
    server = createServer((req, res) => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors(req));
        res.end();
        return;
      }
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        let lead;
        try {
          lead = JSON.parse(body);
        } catch {
          lead = body;
        }
        const entry = {
          idempotencyKey: req.headers['idempotency-key'] ?? null,
          origin: req.headers.origin ?? null,
          contentType: req.headers['content-type'] ?? null,
          lead,
          status: null,
        };
        log.push(entry);
        const next = script.length ? script.shift() : 200;
        if (next === 'hang') {
          const hold = { res, req, entry };
          hanging.add(hold);
          res.on('close', () => {
            hanging.delete(hold);
            if (entry.status === null) entry.status = 'aborted';
          });
          return;
        }
        if (next === 'close') {
          entry.status = 'closed';
          req.socket.destroy();
          return;
        }
        if (typeof next === 'object') answer(res, req, entry, next.status, next.retryAfter);
        else answer(res, req, entry, next);
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}/leads`;
  }

  return {
    name: 'lead-server',
    async serverStop() {
      if (!server) return;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      server = undefined;
    },
    async executeCommand({ command, payload, session }) {
      if (command === 'lead-server') {
        await start();
        log.length = 0;
        script = [...(payload?.responses ?? [])];
        return { url };
      }
      if (command === 'lead-server-respond') {
        script = [...(payload?.responses ?? [])];
        return true;
      }
      if (command === 'lead-server-release') {
        for (const hold of [...hanging]) {
          hanging.delete(hold);
          answer(hold.res, hold.req, hold.entry, payload?.status ?? 200);
        }
        return true;
      }
      if (command === 'lead-server-log') return log;
      if (command === 'lead-offline') {
        // The test page itself must stay online (its WebSocket to web-test-runner), so the network
        // goes off for the frames of another origin only: out-of-process frames, each with its own
        // DevTools session (and `navigator.onLine`, `online` / `offline` events of their own).
        const page = session.browser.getPage?.(session.id);
        if (!page) throw new Error('lead-offline needs the Chrome launcher');
        const main = new URL(page.url()).origin;
        const frames = page.frames().filter((f) => f.url().startsWith('http') && new URL(f.url()).origin !== main);
        let count = 0;
        for (const frame of frames) {
          try {
            await frame.client.send('Network.enable');
            await frame.client.send('Network.emulateNetworkConditions', {
              offline: !!payload,
              latency: 0,
              downloadThroughput: -1,
              uploadThroughput: -1,
            });
            count += 1;
          } catch {
            // a frame removed meanwhile
          }
        }
        return count;
      }
      return undefined;
    },
  };
}
