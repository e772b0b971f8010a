// What every command shares: where it writes, exit codes, the usage-error line.
export const exitCodes = { ok: 0, failed: 1, usage: 2, noBrowser: 3, interrupted: 130, terminated: 143 } as const;

type Write = (text: string) => void;

export interface Io {
  out: Write;
  err: Write;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function usageError(io: Io, message: string): number {
  // One line: what was wrong and where the usage is (a script's log keeps it whole).
  io.err(`briefing: ${message}; run \`briefing --help\` for usage\n`);
  return exitCodes.usage;
}
