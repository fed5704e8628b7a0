import { describe, expect, it } from 'vitest';
import { gitHubIdentity } from './github-identity.ts';

describe('GitHub identity', () => {
  it('uses the numeric id as subject and the primary address with its verified flag', () => {
    const identity = gitHubIdentity({ id: 42, login: 'octocat', name: 'Mona Lisa Octocat' }, [
      { email: 'old@x.test', primary: false, verified: true },
      { email: 'mona@x.test', primary: true, verified: false },
    ]);
    expect(identity).toEqual({
      subject: '42',
      email: 'mona@x.test',
      isEmailVerified: false,
      preferredUsername: 'octocat',
      firstName: 'Mona',
      lastName: 'Lisa Octocat',
    });
  });

  it('has no email when GitHub lists none', () => {
    expect(gitHubIdentity({ id: 1, login: 'ghost' }, [])).toMatchObject({
      email: null,
      isEmailVerified: false,
      firstName: null,
    });
  });
});
