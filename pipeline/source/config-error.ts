// A problem with briefing.config.yml: a usage error (exit 2). Its own module, so the command
// line can recognise it without loading the config's validator. One error carries every
// problem the config has, each a line "FILE:LINE:COL  message", so one run names them all.
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: string[];

  constructor(problems: string | string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}

export const configFileName = 'briefing.config.yml';
