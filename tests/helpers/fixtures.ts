import { newId } from '../../src/server/db/ids.js';
import { toJson } from '../../src/server/db/sql-helpers.js';
import type { AppContext } from '../../src/server/platform/context.js';

/** Inserts a minimal contact row directly (for tests of modules that only need one to exist). */
export async function insertContact(
  ctx: AppContext,
  workspaceId: string,
  fields: { firstName?: string; lastName?: string; ownerId?: string | null; typeKey?: string | null } = {},
) {
  const now = ctx.clock.now().toISOString();
  const id = newId();
  const first = fields.firstName ?? 'Siti';
  const last = fields.lastName ?? 'Rahma';
  await ctx.db
    .insertInto('contacts')
    .values({
      id,
      workspace_id: workspaceId,
      first_name: first,
      last_name: last,
      full_name: `${first} ${last}`.trim(),
      type_key: fields.typeKey ?? null,
      source_key: null,
      owner_id: fields.ownerId ?? null,
      team: null,
      company_id: null,
      primary_email: null,
      primary_phone: null,
      address: null,
      birthday: null,
      gender: null,
      preferred_language: null,
      do_not_contact: false,
      custom: toJson({}),
      created_by: null,
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute();
  return id;
}

export async function userIdByEmail(ctx: AppContext, email: string): Promise<string> {
  return (await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}
