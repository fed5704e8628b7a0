import { RedisKeyValueStore, type KeyValueStore, type RuntimeConfig } from '@pm/kernel';
import { Type, type Static } from 'typebox';
import type { GatewayOptions } from './gateway.ts';

const serviceUrl = () => Type.Optional(Type.String({ pattern: '^https?://' }));

/** The gateway's own settings; RuntimeConfig holds the ones every process shares (CORS, Redis). */
export const GatewayConfig = Type.Object({
  /** Requests per minute to /api allowed per signed-in user, or per IP address for anonymous callers. */
  GATEWAY_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 600 }),
  /** Seconds the gateway keeps each upstream's OpenAPI document before fetching it again (split mode). */
  GATEWAY_OPENAPI_CACHE_SECONDS: Type.Integer({ minimum: 0, default: 10 }),
  /** Base URL of the auth service in split mode (proxied, and the source of token keys). */
  AUTH_SERVICE_URL: serviceUrl(),
  /** Base URL of the users service in split mode; unset: not proxied. */
  USERS_SERVICE_URL: serviceUrl(),
  /** Base URL of the projects service in split mode; unset: not proxied. */
  PROJECTS_SERVICE_URL: serviceUrl(),
  /** Base URL of the tasks service in split mode; unset: not proxied. */
  TASKS_SERVICE_URL: serviceUrl(),
  /** Base URL of the time-tracking service in split mode; unset: not proxied. */
  TIME_TRACKING_SERVICE_URL: serviceUrl(),
  /** Base URL of the files service in split mode; unset: not proxied. */
  FILES_SERVICE_URL: serviceUrl(),
  /** Base URL of the comments service in split mode; unset: not proxied. */
  COMMENTS_SERVICE_URL: serviceUrl(),
  /** Base URL of the notifications service in split mode; unset: not proxied. */
  NOTIFICATIONS_SERVICE_URL: serviceUrl(),
  /** Base URL of the analytics service in split mode; unset: not proxied. */
  ANALYTICS_SERVICE_URL: serviceUrl(),
});
export type GatewayConfig = Static<typeof GatewayConfig>;

/** The variables naming an upstream's base URL; the route table refers to them by name. */
export type UpstreamUrlVariable = Extract<keyof GatewayConfig, `${string}_SERVICE_URL`>;

/** The gateway's rules as configured, counting in Redis when the process's cache is Redis. */
export function gatewayOptionsFrom(gateway: GatewayConfig, runtime: RuntimeConfig, cache: KeyValueStore): GatewayOptions {
  return {
    corsOrigins: runtime.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    redis: cache instanceof RedisKeyValueStore ? cache.client : undefined,
    rateLimitPerMinute: gateway.GATEWAY_RATE_LIMIT_PER_MINUTE,
    // Derived from the process's key prefix so deployments and test runs sharing a Redis stay apart.
    rateLimitNamespace: `${runtime.REDIS_KEY_PREFIX}gateway-rl:`,
  };
}
