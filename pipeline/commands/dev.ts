// `briefing dev`: the live preview server on 127.0.0.1 until Ctrl-C; stops its browser on exit.
import { parseArgs } from 'node:util';
import { startDevServer } from '../dev/server.js';
import { loadConfig } from '../source/config.js';
import { exitCodes, usageError, type Io } from './io.js';

export const defaultDevPort = 4173;

export const devOptions = {
  port: { type: 'string', short: 'p' },
  'browser-ws-endpoint': { type: 'string' },
  config: { type: 'string' },
} as const;

export async function dev(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: devOptions });
  const port = values.port === undefined ? defaultDevPort : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(io, `--port must be a number from 0 to 65535 (0 picks a free one), not "${values.port}"`);
  if (positionals.length > 1) return usageError(io, 'dev serves one folder or file; name at most one PATH');
  const config = loadConfig(io.cwd, { configPath: values.config });
  const paths = positionals.length > 0 ? positionals : ['content'];

  let server;
  try {
    server = await startDevServer({
      paths,
      cwd: io.cwd,
      config,
      port,
      browserWsEndpoint: values['browser-ws-endpoint'] ?? io.env.BRIEFING_BROWSER_WS,
      onLog: (line) => io.err(`${line}\n`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') return usageError(io, `port ${port} is in use; choose another with --port N (or --port 0 for any free one)`);
    throw error;
  }
  const count = server.workspace.list().length;
  io.out(`briefing dev: ${server.url} (${count} briefing${count === 1 ? '' : 's'} in ${paths.join(', ')}; Ctrl-C to stop)\n`);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  // Never hang on the way out: the browser gets a few seconds to close.
  setTimeout(() => process.exit(signal === 'SIGINT' ? exitCodes.interrupted : exitCodes.terminated), 5000).unref();
  await server.close();
  return exitCodes.ok;
}
