import { ContactTimeline } from '../../activities';

/** The contact's timeline, with quick logging: provided by the activities feature. */
export function ContactTimelineSlot({ contactId }: { contactId: string }) {
  return (
    <div className="contact-timeline" data-contact-id={contactId}>
      <ContactTimeline contactId={contactId} />
    </div>
  );
}
