import { ConfigError, loadConfig, RuntimeConfig } from '@pm/kernel';
import { startAllInOne } from './all-in-one.ts';
import { handleSignals } from './signals.ts';

try {
  const config = loadConfig(RuntimeConfig);
  const server = await startAllInOne(config);
  handleSignals(() => server.stop());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
