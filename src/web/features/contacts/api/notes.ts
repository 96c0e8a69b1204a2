import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Note, NoteRevision } from '../../../../shared/contracts/contacts-notes';
import { http } from '../../../lib/api';

export type { Note, NoteRevision };
export type NoteEntity = 'contact' | 'company';

const base = (entity: NoteEntity, id: string) => `/${entity === 'contact' ? 'contacts' : 'companies'}/${id}/notes`;
export const notesKey = (entity: NoteEntity, id: string) => ['notes', entity, id] as const;

export function useNotes(entity: NoteEntity, id: string) {
  return useInfiniteQuery({
    queryKey: notesKey(entity, id),
    queryFn: ({ pageParam }) =>
      http.get<{ items: Note[]; nextCursor: string | null }>(base(entity, id), { cursor: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
export function useNoteRevisions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['notes', 'revisions', id],
    queryFn: () => http.get<{ items: NoteRevision[] }>(`/notes/${id}/revisions`).then((r) => r.items),
    enabled,
  });
}
export const createNote = (entity: NoteEntity, id: string, input: { body: string; isPinned?: boolean }) =>
  http.post<Note>(base(entity, id), input);
export const updateNote = (id: string, patch: { version: number; body?: string; isPinned?: boolean }) =>
  http.patch<Note>(`/notes/${id}`, patch);
export const deleteNote = (id: string) => http.delete<{ ok: true }>(`/notes/${id}`);
