// reliability.md 1-U4: the preload exposes exactly invoke and on, and listeners never see an IpcRendererEvent.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createBridge, type IpcRendererLike } from './create-bridge';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';

/** Behaves like ipcRenderer: listeners get (event, ...args), and the event carries `sender`. */
class FakeIpcRenderer extends EventEmitter implements IpcRendererLike {
  readonly invoke = vi.fn(async (_channel: string, ..._args: unknown[]) => ({ ok: true, data: 'pong' }));
  readonly fakeEvent = { sender: { send: () => undefined }, senderId: 0, ports: [] };

  push(message: unknown): void {
    this.emit(EVENT_CHANNEL, this.fakeEvent, message);
  }
}

describe('createBridge', () => {
  it('exposes exactly invoke and on, frozen', () => {
    const bridge = createBridge(new FakeIpcRenderer());
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('invoke sends (method, input, session token) on the single invoke channel and returns the envelope', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    await expect(bridge.invoke('app.info', {})).resolves.toEqual({ ok: true, data: 'pong' });
    expect(ipc.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'app.info', {}, null);
    await bridge.invoke('auth.me', {}, 'tok-1');
    expect(ipc.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNEL, 'auth.me', {}, 'tok-1');
  });

  it('invoke refuses a non-string method without touching IPC', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    await expect(bridge.invoke(42 as unknown as string, {})).rejects.toThrow(TypeError);
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('on passes the payload only, for the subscribed event type only', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    const listener = vi.fn();
    bridge.on('dossiers.changed', listener);
    ipc.push({ type: 'job.progress', payload: { jobId: 'x', done: 1, total: 2, label: '' } });
    ipc.push({ type: 'dossiers.changed', payload: { ids: [1, 2] } });
    ipc.push('garbage');
    ipc.push(null);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ ids: [1, 2] }]);
    for (const call of listener.mock.calls) {
      for (const arg of call) expect(arg).not.toBe(ipc.fakeEvent);
    }
  });

  it('on returns an unsubscribe function that removes exactly its own listener, once', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = bridge.on('dossiers.changed', first);
    bridge.on('dossiers.changed', second);
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(2);
    unsubscribeFirst();
    unsubscribeFirst();
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(1);
    ipc.push({ type: 'dossiers.changed', payload: { ids: [3] } });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ ids: [3] });
  });

  it('on refuses a non-function listener', () => {
    const bridge = createBridge(new FakeIpcRenderer());
    expect(() => bridge.on('dossiers.changed', 'x' as unknown as () => void)).toThrow(TypeError);
  });
});
