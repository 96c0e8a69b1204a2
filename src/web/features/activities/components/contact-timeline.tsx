import { Timeline } from './timeline';

/** The timeline of a contact page, with quick logging for that contact. */
export function ContactTimeline({ contactId }: { contactId: string }) {
  return <Timeline subject="contact" subjectId={contactId} contact={{ id: contactId, name: '' }} />;
}

/** The timeline of a deal: its own stream; quick logs go to the deal's contact. */
export function DealTimeline({ dealId, contactId }: { dealId: string; contactId?: string | null }) {
  return (
    <Timeline
      subject="deal"
      subjectId={dealId}
      contact={contactId ? { id: contactId, name: '' } : null}
      dealId={dealId}
    />
  );
}
