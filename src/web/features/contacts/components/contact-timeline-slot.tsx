import { Suspense } from 'react';
import { SkeletonText } from '../../../design';
import { ContactTimeline } from '../../activities';

/** The contact's timeline, with quick logging: provided by the activities feature. */
export function ContactTimelineSlot({ contactId }: { contactId: string }) {
  return (
    <div className="contact-timeline" data-contact-id={contactId}>
      <Suspense fallback={<SkeletonText lines={4} />}>
        <ContactTimeline contactId={contactId} />
      </Suspense>
    </div>
  );
}
