import { createAuthService } from '@pm/auth/service';
import type { ServiceFactory } from '@pm/kernel';

/** Every service this build can run, by name; the launcher starts all or one of them. */
export const SERVICE_FACTORIES: Record<string, ServiceFactory> = {
  auth: createAuthService,
};
