import { loadConfig, RuntimeConfig } from '@pm/kernel';
import { startGatewayProxy } from './gateway-proxy.ts';
import { SERVICE_FACTORIES } from './services.ts';
import { runUntilSignalled } from './signals.ts';
import { startSingleService } from './single-service.ts';

// `npm run service -- <name>`: one service, or the gateway in proxy mode, in this process.
const name = process.argv[2] ?? '';
const factory = SERVICE_FACTORIES[name];
if (name !== 'gateway' && !factory) {
  console.error(`Usage: npm run service -- <${['gateway', ...Object.keys(SERVICE_FACTORIES)].join('|')}>`);
  process.exit(1);
}
await runUntilSignalled(() => {
  const config = loadConfig(RuntimeConfig);
  return factory ? startSingleService(name, factory, config) : startGatewayProxy(config);
});
