import { loadConfig, RuntimeConfig } from '@pm/kernel';
import { startAllInOne } from './all-in-one.ts';
import { runUntilSignalled } from './signals.ts';

await runUntilSignalled(() => startAllInOne(loadConfig(RuntimeConfig)));
