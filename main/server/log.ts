/** The server's structured log: one JSON object per line on stdout (time, level, event, details). */
export type LogLevel = 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, event: string, details?: Record<string, unknown>) => void;

export function jsonLogger(
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Logger {
  return (level, event, details = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...details }));
}

export const silentLogger: Logger = () => undefined;
