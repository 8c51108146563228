'use strict';

/**
 * The load balancer of `npm run bench:cluster`: what a production deployment puts in front of its
 * instances (nginx, HAProxy, a cloud balancer), reduced to what the bench needs, on node's http.
 *
 * - Round robin over the instances that pass their health check (`GET /_health` every 250 ms; out
 *   after three failures in a row or a refused connection, back after one success). When none
 *   passes, each is tried anyway, as nginx does.
 * - A request is retried on the next instance only when it did not reach one: the connection was
 *   refused, or failed before any byte of it was written. A request that was sent and got no
 *   answer (the instance died under it) is retried only if it is a read (GET, HEAD), as nginx's
 *   `proxy_next_upstream` does: a write may have been stored, so the client gets a 502 and must not
 *   count it as acknowledged.
 * - One connection per request to the instances (nginx's default, no upstream keep-alive): an idle
 *   kept-alive connection that the instance closes as the balancer reuses it would fail a write.
 */
const http = require('http');

const HEALTH_INTERVAL_MS = 250;
/** Failed checks in a row before an instance is taken out (a loaded instance may miss one). */
const HEALTH_FAILURES = 3;
/** Connection-level headers (RFC 9110, 7.6.1): each side of the balancer has its own connection. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'];
const endToEnd = (headers) => Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.includes(name)));
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * @param {Array<{ name: string, port: number }>} instances
 * @returns a balancer with `listen()`, `close()` and `stats`
 */
function createBalancer(instances) {
  const upstreams = instances.map((instance) => ({ ...instance, up: true, failedChecks: 0, served: 0, retriedAway: 0 }));
  const stats = { retried: 0, badGateway: 0, noInstance: 0 };
  const agent = new http.Agent({ keepAlive: false });
  let next = 0;

  const pick = (exclude) => {
    for (const wanted of [true, false]) {
      for (let step = 0; step < upstreams.length; step += 1) {
        const upstream = upstreams[(next + step) % upstreams.length];
        if (upstream.up === wanted && !exclude.has(upstream)) {
          next = (next + step + 1) % upstreams.length;
          return upstream;
        }
      }
    }
    return undefined;
  };

  /** Sends one request to one instance; rejects with `{ sent }` when no answer came back. */
  const forward = (upstream, request, body) =>
    new Promise((resolve, reject) => {
      let sent = false;
      const outgoing = http.request(
        { host: '127.0.0.1', port: upstream.port, method: request.method, path: request.url, headers: { ...endToEnd(request.headers), connection: 'close' }, agent },
        (response) => resolve(response)
      );
      outgoing.on('error', (error) => reject(Object.assign(error, { sent })));
      outgoing.end(body, () => {
        sent = true;
      });
    });

  const server = http.createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const tried = new Set();
    for (;;) {
      const upstream = pick(tried);
      if (!upstream) {
        stats.noInstance += 1;
        response.writeHead(503).end();
        return;
      }
      tried.add(upstream);
      try {
        const answer = await forward(upstream, request, body);
        upstream.served += 1;
        response.writeHead(answer.statusCode, endToEnd(answer.headers));
        answer.pipe(response);
        answer.on('error', () => response.destroy());
        return;
      } catch (error) {
        if (error.code === 'ECONNREFUSED') {
          upstream.up = false;
          upstream.failedChecks = HEALTH_FAILURES;
        }
        if (!error.sent || IDEMPOTENT.has(request.method)) {
          stats.retried += 1;
          upstream.retriedAway += 1;
          continue;
        }
        stats.badGateway += 1;
        response.writeHead(502).end();
        return;
      }
    }
  });

  const check = (upstream) =>
    new Promise((resolve) => {
      const probe = http.get({ host: '127.0.0.1', port: upstream.port, path: '/_health', agent, timeout: 2000 }, (answer) => {
        answer.resume();
        resolve(answer.statusCode === 204 || answer.statusCode === 200);
      });
      probe.on('timeout', () => probe.destroy());
      probe.on('error', () => resolve(false));
    });
  let checking = true;
  const healthChecks = (async () => {
    while (checking) {
      const results = await Promise.all(upstreams.map(check));
      upstreams.forEach((upstream, index) => {
        upstream.failedChecks = results[index] ? 0 : upstream.failedChecks + 1;
        upstream.up = upstream.failedChecks < HEALTH_FAILURES;
      });
      await new Promise((resolve) => setTimeout(resolve, HEALTH_INTERVAL_MS));
    }
  })();

  return {
    stats,
    upstreams,
    listen: () => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port))),
    async close() {
      checking = false;
      await healthChecks;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

module.exports = { createBalancer };
