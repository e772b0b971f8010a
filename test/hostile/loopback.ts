// A loopback HTTP server that records every request: the printed page must send it none.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Loopback {
  origin: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const css = request.url?.endsWith('.css');
    response.writeHead(200, { 'content-type': css ? 'text/css' : 'text/plain', 'access-control-allow-origin': '*' });
    response.end(css ? 'body::after { content: "LOOPBACK STYLESHEET LOADED" }' : 'LOOPBACK CONTENT LOADED');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
