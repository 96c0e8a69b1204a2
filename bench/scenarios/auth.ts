import { findUserByEmail, listMemberships } from '../../src/server/modules/auth/auth.repository.js';
import type { Scenario } from './types.js';

/**
 * Sign-in with the right password: the password hash, the throttle's bookkeeping and a new session.
 * Measured so that changes to sign-in (throttling, lockout, timing) show their cost; no target.
 */
export const login: Scenario = {
  name: 'auth.login',
  title: 'Sign in (POST /api/auth/login, right password), concurrency 4',
  connections: 4,
  async prepare(b) {
    const startedAt = new Date().toISOString();
    const { email, password } = b.manifest.benchUser;
    return {
      request: {
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      },
      // the reads a sign-in makes before its password check (the hash itself is CPU, not SQL)
      raw: async () => {
        const user = await findUserByEmail(b.database.db, email);
        if (user) await listMemberships(b.database.db, user.id);
      },
      // the sessions these sign-ins made (the benchmark's own session is older)
      cleanup: async () => {
        await b.database.db
          .deleteFrom('sessions')
          .where('user_id', '=', b.manifest.benchUser.id)
          .where('created_at', '>=', startedAt)
          .execute();
      },
    };
  },
};
