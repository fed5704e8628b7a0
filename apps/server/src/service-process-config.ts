import { Type, type Static } from 'typebox';

/** `time-tracking` → `TIME_TRACKING_DATABASE_URL`: the database of one service run alone. */
export function databaseUrlVariable(service: string): string {
  return `${service.toUpperCase().replaceAll('-', '_')}_DATABASE_URL`;
}

/** Settings of a process that runs one service alone (split mode), on top of RuntimeConfig. */
export function serviceProcessConfig(service: string) {
  return Type.Object({
    /** Per service: this service's own PostgreSQL database; unset: DATABASE_URL, then the embedded one. */
    [databaseUrlVariable(service)]: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
    /** Base URL of the auth service, whose public keys verify access tokens in other services' processes. */
    AUTH_SERVICE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  });
}
export type ServiceProcessConfig = Static<ReturnType<typeof serviceProcessConfig>>;
