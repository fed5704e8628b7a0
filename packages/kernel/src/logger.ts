import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout; `LOG_LEVEL` picks the level (set by the launcher from config). */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refresh_token', '*.token'],
      censor: '[redacted]',
    },
  });
}
