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
