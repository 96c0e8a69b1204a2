import { z } from 'zod';
import { Id, Version, page } from './common.js';

export const Note = z.object({
  id: Id,
  entityType: z.enum(['contact', 'company']),
  entityId: Id,
  body: z.string().describe('Markdown as written'),
  bodyHtml: z.string().describe('Sanitized HTML rendering of the markdown'),
  isPinned: z.boolean(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  editCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Note = z.infer<typeof Note>;
export const NotePage = page(Note);

const Body = z.string().trim().min(1, 'Write something').max(20_000, 'At most 20,000 characters');
export const CreateNoteBody = z.strictObject({ body: Body, isPinned: z.boolean().default(false) });
export const UpdateNoteBody = z.strictObject({
  version: Version,
  body: Body.optional(),
  isPinned: z.boolean().optional(),
});

export const NoteRevision = z.object({
  id: Id,
  body: z.string(),
  editedBy: z.string().nullable(),
  editedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type NoteRevision = z.infer<typeof NoteRevision>;
