import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SETTING_NAMES, testConfig } from '../../src/server/config.js';
import { createMailer } from '../../src/server/modules/mail/mailer.js';
import { createTestApp, seedWithClients, TestClient, type TestApp } from '../helpers/test-app.js';
import { captureLog, startNode } from './support.js';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`settings ${JSON.stringify(env)} were accepted`);
}

describe('settings', () => {
  it('rejects bad values with a message naming each setting', () => {
    expect(configError({ PORT: 'abc' })).toMatch(/^\s+PORT: /m);
    expect(configError({ DATABASE_URL: 'mysql://root@localhost/crm' })).toMatch(
      /DATABASE_URL: must start with postgres:\/\//,
    );
    expect(configError({ RUN_WORKER: 'maybe' })).toMatch(/RUN_WORKER/);
    expect(configError({ MAIL_TRANSPORT: 'smtp' })).toMatch(/SMTP_URL: required when MAIL_TRANSPORT=smtp/);
    expect(configError({ TRUST_PROXY: 'everyone!' })).toMatch(/TRUST_PROXY/);
    const several = configError({ PORT: '70000', LOG_LEVEL: 'loud', BODY_LIMIT_BYTES: '10' });
    for (const name of ['PORT', 'LOG_LEVEL', 'BODY_LIMIT_BYTES']) expect(several).toContain(`${name}:`);
    expect(several).toContain('.env.example');
  });

  it('has working defaults and ignores empty values', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '' });
    expect(config).toMatchObject({
      PORT: 3000,
      RATE_LIMIT_PER_MINUTE: 1000,
      AUDIT_RETENTION_DAYS: 365,
      MAIL_TRANSPORT: 'log',
      RUN_WORKER: true,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('.env.example lists every setting, commented out, with its default and a comment', () => {
    const lines = fs.readFileSync('.env.example', 'utf8').split('\n');
    const defaults = loadConfig({});
    for (const name of SETTING_NAMES) {
      const at = lines.findIndex((l) => l.startsWith(`# ${name}=`));
      expect({ name, listed: at >= 0 }).toEqual({ name, listed: true });
      expect({ name, comment: /^# \S/.test(lines[at - 1] ?? '') && !/^# [A-Z_]+=/.test(lines[at - 1]) }).toEqual({
        name,
        comment: true,
      });
      const value = lines[at].slice(`# ${name}=`.length);
      if (defaults[name] !== undefined)
        expect({ name, value: loadConfig({ [name]: value })[name] }).toEqual({ name, value: defaults[name] });
      else expect(() => loadConfig({ [name]: value })).not.toThrow();
    }
    expect(lines.filter((l) => /^[A-Z_]+=/.test(l))).toEqual([]);
  });

  it('stops the CLI with a readable message on a bad setting', () => {
    const env: Record<string, string | undefined> = { ...process.env, PORT: 'abc' };
    delete env.DATABASE_URL;
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/db.ts', 'status'], {
      env,
      encoding: 'utf8',
      timeout: 80_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Invalid settings[\s\S]*PORT/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }, 90_000);
});

describe('logs', () => {
  let t: TestApp | undefined;
  const nodes: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const n of nodes.splice(0)) await n.close();
    await t?.close();
    t = undefined;
  });

  it('mask emails and phone numbers in messages, fields and errors', () => {
    const { log, lines, entries } = captureLog('info');
    log.info(
      {
        contact: { email: 'siti.aminah@example.id', phones: ['+62 812-3456-7890', '081234567890'] },
        count: 12345678901,
      },
      'WhatsApp to +6281234567890 for wali siti.aminah@example.id',
    );
    log.error({ err: new Error('duplicate key (email)=(budi@example.com)') }, 'insert failed');
    const text = lines.join('');
    for (const secret of ['siti.aminah@', 'budi@', '812-3456-7890', '081234567890', '6281234567890'])
      expect(text).not.toContain(secret);
    const [info, error] = entries() as Array<Record<string, any>>;
    expect(info.msg).toContain('s***@example.id');
    expect(info.contact.email).toBe('s***@example.id');
    expect(info.count).toBe(12345678901); // numbers are data, not text: left alone
    expect(typeof info.time).toBe('number');
    expect(error.err.message).toContain('b***@example.com');
    expect(error.err.stack).toContain('b***@example.com');
  });

  it('redact authorization and cookie headers', () => {
    const { log, lines } = captureLog('info');
    log.info(
      {
        req: { headers: { authorization: 'Bearer crm_abcdef123456_secretsecretsecret', cookie: 'crm_session=s3cr3t' } },
        headers: { authorization: 'Basic dXNlcjpwYXNz' },
      },
      'outgoing call',
    );
    const text = lines.join('');
    expect(text).not.toMatch(/secretsecret|s3cr3t|dXNlcjpwYXNz/);
    expect(text).toContain('[redacted]');
  });

  it('record requests with method and url, masked, and never the credentials', async () => {
    t = await createTestApp('sqlite');
    const { log, lines, entries } = captureLog('info');
    const node = await startNode(t.testDb, { channelSuffix: 'logs', log });
    nodes.push(node);
    await seedWithClients(t);
    const admin = new TestClient(node.app);
    await admin.login('admin@demo.test');
    await admin.get('/api/audit?entityId=siti@example.com');
    const incoming = entries().filter((e) => e.msg === 'incoming request') as Array<{
      req: { method: string; url: string };
    }>;
    expect(incoming.map((e) => `${e.req.method} ${e.req.url}`)).toEqual([
      'POST /api/auth/login',
      'GET /api/audit?entityId=s***@example.com',
    ]);
    const text = lines.join('');
    expect(text).not.toContain('siti@example.com');
    expect(text).not.toContain('demo1234');
    expect(text).not.toContain(admin.cookie.split('=')[1]);
  });

  it('the development mail transport prints the message, with the recipient masked', async () => {
    const { log, entries } = captureLog('info');
    const mailer = createMailer(testConfig({ MAIL_TRANSPORT: 'log' }), log);
    await mailer.send({
      to: 'wali.santri@example.id',
      subject: 'Reset your password',
      text: 'Reset here: http://localhost:3000/reset-password?token=abc123',
    });
    const [entry] = entries() as Array<Record<string, any>>;
    expect(entry.msg).toContain('Reset your password');
    expect(entry.text).toContain('/reset-password?token=abc123');
    expect(JSON.stringify(entry)).not.toContain('wali.santri@');
  });
});
