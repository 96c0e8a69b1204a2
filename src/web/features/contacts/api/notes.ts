import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Note, NotePage, NoteRevision } from '../../../../shared/contracts/contacts-notes';
import { http } from '../../../lib/api';

export type { Note, NoteRevision };
export type NoteEntity = 'contact' | 'company';

const base = (entity: NoteEntity, id: string) => `/${entity === 'contact' ? 'contacts' : 'companies'}/${id}/notes`;
export const noteKeys = {
  all: ['notes'] as const,
  /** Prefix of one contact's or company's notes. */
  of: (entity: NoteEntity, id: string) => [...noteKeys.all, entity, id] as const,
  list: (entity: NoteEntity, id: string) =>
    infiniteQueryOptions({
      queryKey: [...noteKeys.of(entity, id), 'list'],
      queryFn: ({ pageParam }) =>
        http.get<z.infer<typeof NotePage>>(base(entity, id), { cursor: pageParam, limit: 20 }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  revisions: (id: string) =>
    queryOptions({
      queryKey: [...noteKeys.all, 'revisions', id],
      queryFn: () => http.get<{ items: NoteRevision[] }>(`/notes/${id}/revisions`).then((r) => r.items),
    }),
};

export function useNotes(entity: NoteEntity, id: string) {
  return useInfiniteQuery(noteKeys.list(entity, id));
}
export function useNoteRevisions(id: string, enabled: boolean) {
  return useQuery({ ...noteKeys.revisions(id), enabled });
}
export const createNote = (entity: NoteEntity, id: string, input: { body: string; isPinned?: boolean }) =>
  http.post<Note>(base(entity, id), input);
export const updateNote = (id: string, patch: { version: number; body?: string; isPinned?: boolean }) =>
  http.patch<Note>(`/notes/${id}`, patch);
export const deleteNote = (id: string) => http.delete<{ ok: true }>(`/notes/${id}`);
