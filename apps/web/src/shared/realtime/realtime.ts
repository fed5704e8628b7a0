import { API_BASE, apiClient } from '../api/client.ts';
import { RealtimeClient, type SocketHandle, type SocketHandlers } from './realtime-client.ts';

function hubUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}${API_BASE}/ws`;
}

function openBrowserSocket(url: string, handlers: SocketHandlers): SocketHandle {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.open();
  socket.onmessage = (event: MessageEvent) => {
    if (typeof event.data === 'string') {
      handlers.message(event.data);
    }
  };
  socket.onclose = (event: CloseEvent) => handlers.close(event.code);
  return {
    send: (data) => {
      if (socket.readyState === WebSocket.OPEN) {
        socket.send(data);
      }
    },
    close: () => socket.close(),
  };
}

/** The tab's one connection to the gateway hub; it connects on first use. */
export const realtimeClient = new RealtimeClient({
  url: hubUrl(),
  openSocket: openBrowserSocket,
  auth: {
    freshToken: async () =>
      (await apiClient.ensureFreshAccessToken()) ? apiClient.tokens.getAccessToken() : null,
    hasSession: () => apiClient.tokens.hasSession(),
    onSessionChange: (listener) => apiClient.tokens.subscribe(listener),
  },
  environment: {
    isOnline: () => navigator.onLine,
    onNetworkChange: (listener) => {
      const onVisible = () => {
        if (document.visibilityState === 'visible') {
          listener();
        }
      };
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      document.addEventListener('visibilitychange', onVisible);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
        document.removeEventListener('visibilitychange', onVisible);
      };
    },
  },
});
