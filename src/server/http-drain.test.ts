import http from 'http';
import net, { type AddressInfo } from 'net';
import { FIRST_REQUEST_WAIT_MS, trackHttpRequests } from './http-drain';

/** A server whose answers wait until the test releases them. */
async function slowServer() {
  const waiting: Array<() => void> = [];
  const server = http.createServer((_request, response) => {
    waiting.push(() => response.end('answered'));
  });
  const drain = trackHttpRequests(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, drain, port, waiting, releaseAll: () => waiting.splice(0).forEach((release) => release()) };
}

function get(port: number, agent: http.Agent): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', agent }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body, connection: response.headers.connection }));
      })
      .on('error', reject);
  });
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('trackHttpRequests', () => {
  it('drain - should answer every request in flight, with Connection: close, and refuse new connections meanwhile', async () => {
    const { server, drain, port, waiting, releaseAll } = await slowServer();
    const agent = new http.Agent({ keepAlive: true });
    const answers = Promise.all([get(port, agent), get(port, agent), get(port, agent)]);
    await until(() => waiting.length === 3);
    expect(drain.inFlight).toBe(3);

    const drained = drain.drain(5000);
    await expect(get(port, new http.Agent())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    releaseAll();
    expect(await drained).toBe(0);
    expect(await answers).toEqual(Array(3).fill({ status: 200, body: 'answered', connection: 'close' }));
    agent.destroy();
  });

  it('drain - should close idle kept-alive connections at once', async () => {
    const { drain, port, releaseAll, waiting } = await slowServer();
    const agent = new http.Agent({ keepAlive: true });
    const answer = get(port, agent);
    await until(() => waiting.length === 1);
    releaseAll();
    expect((await answer).connection).toBe('keep-alive');
    const [socket] = Object.values(agent.freeSockets).flat();
    const closed = new Promise((resolve) => socket!.once('close', resolve));

    expect(await drain.drain(5000)).toBe(0);
    await closed;
    agent.destroy();
  });

  it('drain - should close a kept-alive connection whose answer was already under way when the drain started', async () => {
    // Its headers said keep-alive before the drain began; once answered, the connection must not
    // carry another request to an app that is stopping.
    let finish: () => void = () => undefined;
    const server = http.createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.write('part one, ');
      finish = () => response.end('part two');
    });
    const drain = trackHttpRequests(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new http.Agent({ keepAlive: true });
    const answer = get((server.address() as AddressInfo).port, agent);
    await until(() => drain.inFlight === 1 && Object.values(agent.sockets).flat().length === 1);
    const [socket] = Object.values(agent.sockets).flat();
    let closed = false;
    socket!.once('close', () => (closed = true));

    const drained = drain.drain(5000);
    finish();
    expect(await answer).toEqual({ status: 200, body: 'part one, part two', connection: 'keep-alive' });
    expect(await drained).toBe(0);
    const deadline = Date.now() + 1000;
    await until(() => closed || Date.now() > deadline);
    expect(closed).toBe(true);
    agent.destroy();
  });

  it('drain - should wait for a request still arriving on a kept-alive connection, and answer it', async () => {
    // The second request's headers are on their way when the drain starts: Node has not announced
    // it yet, and the connection is not idle. It must be answered by an app still up. (Answered on
    // the next turn, as Koa does, so that the drain's Connection: close is set first.)
    const server = http.createServer((_request, response) => setImmediate(() => response.end('answered')));
    const drain = trackHttpRequests(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    socket.write('GET /first HTTP/1.1\r\nHost: newsgraph\r\n\r\n');
    await until(() => received.includes('answered'));
    socket.write('GET /second HTTP/1.1\r\nHost: newsgraph\r\n');
    // (Bytes still on their way when the drain starts find an idle connection, which is closed: the
    // client sees a reset on a reused connection, which HTTP clients and balancers retry.)
    await new Promise((resolve) => setTimeout(resolve, 50));

    let drained: number | undefined;
    const draining = drain.drain(5000).then((unanswered) => (drained = unanswered));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(drained).toBeUndefined();
    socket.write('\r\n');
    await draining;
    expect(drained).toBe(0);
    await ended;
    expect(received.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    expect(received).toMatch(/Connection: close[\s\S]*answered$/);
  });

  it('drain - should stop waiting at the deadline and report the requests still unanswered', async () => {
    const { server, drain, port, waiting } = await slowServer();
    const agent = new http.Agent();
    get(port, agent).catch(() => undefined);
    await until(() => waiting.length === 1);

    const started = Date.now();
    expect(await drain.drain(100)).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
    server.closeAllConnections();
    agent.destroy();
  });

  it('drain - should answer a request sent on a connection opened before the drain started', async () => {
    const server = http.createServer((_request, response) => response.end('answered'));
    const drain = trackHttpRequests(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    // The answer says Connection: close, so the server ends the connection once it is sent.
    const ended = new Promise((resolve) => socket.once('end', resolve));
    await until(() => drain.inFlight === 1);

    const drained = drain.drain(5000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write('POST /statements HTTP/1.1\r\nHost: newsgraph\r\nContent-Length: 0\r\n\r\n');
    expect(await drained).toBe(0);
    await ended;
    expect(received).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*answered$/);
  });

  it('drain - should close a connection that sends no request within FIRST_REQUEST_WAIT_MS', async () => {
    const server = http.createServer((_request, response) => response.end());
    const drain = trackHttpRequests(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await until(() => drain.inFlight === 1);

    const started = Date.now();
    expect(await drain.drain(10_000)).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(FIRST_REQUEST_WAIT_MS - 50);
    expect(Date.now() - started).toBeLessThan(FIRST_REQUEST_WAIT_MS + 2000);
    await closed;
  });

  it('drain - should return at once when nothing is in flight, listening or not', async () => {
    const server = http.createServer((_request, response) => response.end());
    expect(await trackHttpRequests(server).drain(5000)).toBe(0);
  });
});
