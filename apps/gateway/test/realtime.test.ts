import { createTestDatabase, type TestDatabase } from '@pm/kernel/testing';
import type { RunningServer } from '@pm/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, createProject, signUp, startServer, subscribed, type TestSocket } from './realtime-support.ts';

describe('the WebSocket hub in the all-in-one server', () => {
  let database: TestDatabase;
  let server: RunningServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('realtime');
    server = await startServer({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.ws.terminate());
    await server?.stop();
    await database?.drop();
  });

  it('checks access per subscription and pushes a project change to its subscriber within a second', async () => {
    const owner = await signUp(server.url, 'rtowner');
    const outsider = await signUp(server.url, 'rtoutsider');
    const project = await createProject(server.url, owner.token, owner.orgId, 'Realtime');

    const { socket, reply } = await subscribed(server.url, owner.token, `project:${project.id}`);
    sockets.push(socket);
    expect(reply).toEqual({ type: 'subscribed', channel: `project:${project.id}`, id: 1 });

    const other = await subscribed(server.url, outsider.token, `project:${project.id}`);
    sockets.push(other.socket);
    expect(other.reply).toMatchObject({ type: 'error', code: 'NOT_FOUND', channel: `project:${project.id}` });
    other.socket.send({ type: 'subscribe', channel: `user:${owner.userId}`, id: 2 });
    expect(await other.socket.next((m) => m.id === 2)).toMatchObject({ type: 'error', code: 'NOT_FOUND' });
    other.socket.send({ type: 'subscribe', channel: 'tasks:everything', id: 3 });
    expect(await other.socket.next((m) => m.id === 3)).toMatchObject({ type: 'error', code: 'BAD_CHANNEL' });

    const started = Date.now();
    const update = await api(server.url)('PUT', `/projects/${project.id}`, {
      token: owner.token,
      body: { version: project.version, name: 'Realtime, renamed' },
    });
    expect(update.status).toBe(200);
    const event = await socket.next((m) => m.type === 'event', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event).toMatchObject({
      channel: `project:${project.id}`,
      event: { type: 'projects.project.updated', project_id: project.id, id: expect.any(String) as unknown },
    });
    expect(other.socket.messages.some((m) => m.type === 'event')).toBe(false);
  });

  it('answers ping, accepts a token in the query string and closes with 4401 on a bad token', async () => {
    const user = await signUp(server.url, 'rtquery');
    const byQuery = await connect(server.url, `?access_token=${encodeURIComponent(user.token)}`);
    sockets.push(byQuery);
    expect(await byQuery.next((m) => m.type === 'ready')).toEqual({ type: 'ready', user_id: user.userId });
    byQuery.send({ type: 'ping', id: 'p' });
    expect(await byQuery.next((m) => m.type === 'pong')).toEqual({ type: 'pong', id: 'p' });
    byQuery.send({ type: 'subscribe', channel: `user:${user.userId}`, id: 9 });
    expect(await byQuery.next((m) => m.id === 9)).toMatchObject({ type: 'subscribed' });

    const unauthenticated = await connect(server.url);
    sockets.push(unauthenticated);
    unauthenticated.send({ type: 'subscribe', channel: `user:${user.userId}`, id: 1 });
    expect(await unauthenticated.next((m) => m.id === 1)).toMatchObject({ type: 'error', code: 'UNAUTHORIZED' });

    const bad = await connect(server.url);
    sockets.push(bad);
    bad.send({ type: 'auth', token: 'not-a-token' });
    expect((await bad.closed).code).toBe(4401);
  });
});
