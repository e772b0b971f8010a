// A problem with briefing.config.yml: a usage error (exit 2). Its own module, so the command
// line can recognise it without loading the config's validator.
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const configFileName = 'briefing.config.yml';
