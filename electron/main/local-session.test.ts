import { describe, expect, it } from 'vitest';
import { createLocalSessionProvider } from './local-session';

describe('createLocalSessionProvider', () => {
  it('is one fixed local actor named after the OS account', () => {
    const session = createLocalSessionProvider(() => 'nguyenvana');
    expect(session()).toEqual({ actor: { id: 'local', name: 'nguyenvana' } });
    expect(session()).toBe(session());
    expect(Object.isFrozen(session().actor)).toBe(true);
  });

  it('falls back to the environment when the OS has no account entry', () => {
    const throwing = () => {
      throw new Error('ENOENT: no such file or directory, uv_os_get_passwd');
    };
    expect(createLocalSessionProvider(throwing, { USERNAME: 'tran.b' })().actor.name).toBe('tran.b');
    expect(createLocalSessionProvider(throwing, {})().actor.name).toBe('local');
  });
});
