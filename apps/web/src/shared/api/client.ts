import { createApiClient } from './api-client.ts';
import { createTokenStore } from './token-store.ts';

/** Base path of every API route; the SPA is served by the same origin as the API. */
export const API_BASE = '/api/v1';

/** The one client of the app: it owns the tokens of the signed-in user. */
export const apiClient = createApiClient({
  baseUrl: API_BASE,
  tokens: createTokenStore(window.localStorage),
});
