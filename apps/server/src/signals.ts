import { ConfigError } from '@pm/kernel';
import { tuneGarbageCollector } from './heap.ts';
import type { RunningServer } from './process-server.ts';

/** Stops cleanly on Ctrl-C or SIGTERM; a second signal exits at once. */
export function handleSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(`Shutdown after ${signal} failed:`, error);
        process.exit(1);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/**
 * Starts a launcher and keeps it until a signal. A start-up failure prints one line (a bad
 * setting names its variable) and exits 1 instead of a stack trace.
 */
export async function runUntilSignalled(start: () => Promise<RunningServer>): Promise<void> {
  tuneGarbageCollector();
  try {
    const server = await start();
    handleSignals(() => server.stop());
  } catch (error) {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
