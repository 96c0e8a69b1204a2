import { z } from 'zod';
import { nowIso } from '../../../platform/clock.js';
import { defineJob } from '../../jobs/job-definition.js';
import { buildDigest } from './digest.js';
import { findRecipient, NOTIFICATION_EMAIL_JOB } from './notifications.service.js';
import { findNotification, listDigestSubscribers, markDigestSent, markEmailed } from './notifications.repository.js';
import { localDate, localHour } from '../zoned-time.js';

export const DIGEST_SCAN_JOB = 'notifications.digest';
export const DIGEST_SEND_JOB = 'notifications.digest-send';

function link(base: string | undefined, path: string | null): string {
  return path ? `\n\n${(base ?? '').replace(/\/$/, '')}${path}` : '';
}

/** Emails one notification to its recipient, once (a rerun after success sends nothing). */
export const notificationEmailJob = defineJob({
  name: NOTIFICATION_EMAIL_JOB,
  schema: z.object({ workspaceId: z.string(), notificationId: z.string() }),
  async handler(ctx, run) {
    const { workspaceId, notificationId } = run.payload;
    const n = await findNotification(ctx.db, workspaceId, notificationId);
    if (!n || n.emailed_at) return { sent: false };
    const user = await findRecipient(ctx.db, workspaceId, n.user_id);
    if (!user) return { sent: false };
    await ctx.mailer.send({
      to: user.email,
      subject: n.title,
      text: `${n.title}${n.body ? `\n\n${n.body}` : ''}${link(ctx.config.PUBLIC_URL, n.url)}`,
    });
    await markEmailed(ctx.db, workspaceId, n.id, nowIso(ctx.clock));
    return { sent: true };
  },
});

/** Hourly: for every user whose digest hour it is (in their workspace's zone), one send job per local day. */
export const digestScanJob = defineJob({
  name: DIGEST_SCAN_JOB,
  schema: z.object({}).default({}),
  async handler(ctx) {
    const now = ctx.clock.now();
    let queued = 0;
    for (const s of await listDigestSubscribers(ctx.db)) {
      const day = localDate(now, s.timezone);
      if (localHour(now, s.timezone) < s.digest_hour || s.last_digest_on === day) continue;
      const job = await ctx.jobs.enqueue(
        ctx.db,
        DIGEST_SEND_JOB,
        { workspaceId: s.workspace_id, userId: s.user_id, day },
        { workspaceId: s.workspace_id, idempotencyKey: `digest:${s.workspace_id}:${s.user_id}:${day}` },
      );
      if (job.created) queued++;
    }
    return { queued };
  },
});

/** Sends one user's daily digest: unread notifications and tasks due today or overdue. */
export const digestSendJob = defineJob({
  name: DIGEST_SEND_JOB,
  schema: z.object({ workspaceId: z.string(), userId: z.string(), day: z.string() }),
  async handler(ctx, run) {
    const { workspaceId, userId, day } = run.payload;
    const user = await findRecipient(ctx.db, workspaceId, userId);
    if (!user) return { sent: false };
    const digest = await buildDigest(ctx, workspaceId, userId);
    if (digest) await ctx.mailer.send({ to: user.email, subject: digest.subject, text: digest.text });
    await markDigestSent(ctx.db, workspaceId, userId, day);
    return { sent: Boolean(digest) };
  },
});
