import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { Socket } from 'net';

/**
 * How long a connection opened before the drain may take to send its first request. A client sends
 * it right after connecting, but on a loaded machine the request may not be read yet when the drain
 * starts; a connection that sends nothing (a browser's speculative pre-connect) is closed after this.
 */
export const FIRST_REQUEST_WAIT_MS = 2_000;

/** What a shutdown needs of the HTTP server before it stops the rest of the app. */
export interface HttpDrain {
  /** Requests received and not yet answered, and connections opened whose first request is not read yet. */
  readonly inFlight: number;
  /**
   * Stops taking connections, closes the idle kept-alive ones, answers what is in flight with
   * `Connection: close`, and waits until every request in flight is answered and every connection
   * closed (a request may still be arriving on a kept-alive one), or `timeoutMs` passed;
   * connections already open get FIRST_REQUEST_WAIT_MS to send their first request.
   * @returns how many requests (or new connections) were still in flight at the deadline (0 when all were answered)
   */
  drain(timeoutMs: number): Promise<number>;
}

/**
 * Keeps count of the requests an HTTP server is answering, so that a shutdown can let them finish.
 *
 * Strapi's own shutdown (on SIGTERM) stops the plugins first (GraphQL's Apollo server, the relink
 * queue) while the server still takes requests, then destroys every open connection, answered or
 * not: behind a load balancer, requests in flight on the stopping instance fail, and a write may be
 * stored without its client hearing so. Draining first closes the listening socket, so the balancer
 * sends new requests to another instance, and answers the ones already taken with everything still up.
 */
export function trackHttpRequests(server: Server): HttpDrain {
  const answering = new Set<ServerResponse>();
  // Accepted, first request not read yet: such a request is on its way, and must find the app up.
  const opened = new Set<Socket>();
  // Every open connection (those in \`opened\` included). An idle kept-alive one may be receiving a request Node has not announced
  // yet (its headers are still arriving), so the drain ends only when every connection has closed:
  // idle ones are closed, the others close after their answer, which says Connection: close.
  const connections = new Set<Socket>();
  const whenIdle = new Set<() => void>();
  let draining = false;

  const settle = () => {
    if (draining && answering.size === 0 && connections.size === 0) for (const resolve of whenIdle) resolve();
  };

  server.on('connection', (socket: Socket) => {
    opened.add(socket);
    connections.add(socket);
    socket.once('close', () => {
      opened.delete(socket);
      connections.delete(socket);
      settle();
    });
  });

  // A client must not send another request on a connection that is about to close.
  const closeAfterAnswer = (response: ServerResponse) => {
    if (!response.headersSent) response.setHeader('Connection', 'close');
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    opened.delete(request.socket);
    answering.add(response);
    if (draining) closeAfterAnswer(response);
    response.once('close', () => {
      answering.delete(response);
      if (!draining) return;
      server.closeIdleConnections();
      settle();
    });
  });

  return {
    get inFlight() {
      return answering.size + opened.size;
    },
    async drain(timeoutMs) {
      draining = true;
      // Closing the listening socket makes new connections fail at once (refused), which a balancer
      // retries elsewhere; connections already open stay until their request is answered.
      if (server.listening) server.close();
      server.closeIdleConnections();
      answering.forEach(closeAfterAnswer);
      if (answering.size + connections.size > 0) {
        const silent = setTimeout(() => opened.forEach((socket) => socket.destroy()), Math.min(FIRST_REQUEST_WAIT_MS, timeoutMs));
        // A connection counts as idle only once Node has finished with its last answer, which may be
        // a moment after that answer's close event: look again until every connection is gone.
        const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(deadline);
            clearTimeout(silent);
            clearInterval(idleSweep);
            whenIdle.delete(done);
            resolve();
          };
          const deadline = setTimeout(done, timeoutMs);
          whenIdle.add(done);
        });
      }
      return answering.size + opened.size;
    },
  };
}
