/**
 * Mentions in free text: `@[Name](user:ID)` (what the web app's mention picker inserts), an
 * `@email` address or `@Full Name` of a member. Returns the ids of the members mentioned, once each.
 */
const TOKEN = /@\[[^\]]{1,120}\]\(user:([A-Za-z0-9-]{1,64})\)/g;
const EMAIL = /(?:^|[\s(])@([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

export function extractMentions(
  text: string | null | undefined,
  members: Array<{ id: string; email: string; name?: string }>,
): string[] {
  if (!text) return [];
  const ids = new Set<string>();
  // `@Full Name` too: rendered text (a note's excerpt) keeps the name but not the token.
  const lower = text.toLowerCase();
  for (const m of members)
    if (m.name && new RegExp(`(^|[\\s(])@${escapeRegExp(m.name.toLowerCase())}(?![\\w])`).test(lower)) ids.add(m.id);
  const byId = new Set(members.map((m) => m.id));
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
  for (const m of text.matchAll(TOKEN)) if (byId.has(m[1])) ids.add(m[1]);
  for (const m of text.matchAll(EMAIL)) {
    const id = byEmail.get(m[1].toLowerCase());
    if (id) ids.add(id);
  }
  return [...ids];
}

/** Shows mention tokens as plain `@Name` (emails and notification bodies). */
export function plainMentions(text: string): string {
  return text.replace(/@\[([^\]]{1,120})\]\(user:[A-Za-z0-9-]{1,64}\)/g, '@$1');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
