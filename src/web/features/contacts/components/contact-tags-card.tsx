import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Card, Menu } from '../../../design';
import { useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { contactKeys, type Contact } from '../api/contacts';
import { tagContacts, tagKeys, untagContacts, useTags } from '../api/config';
import { badgeColor } from '../lib/colors';

/** The contact's tags: remove one with its ×, add from the workspace's tags. */
export function ContactTagsCard({ contact }: { contact: Contact }) {
  const { t } = useTranslation('contacts');
  const can = useCan();
  const all = useTags().data ?? [];
  const has = new Set(contact.tags.map((x) => x.id));
  const add = useApiMutation({
    mutationFn: (tagId: string) => tagContacts([contact.id], [tagId]),
    invalidate: [contactKeys.all, tagKeys.all],
    successMessage: t('tags.added'),
  });
  const remove = useApiMutation({
    mutationFn: (tagId: string) => untagContacts([contact.id], [tagId]),
    invalidate: [contactKeys.all, tagKeys.all],
    successMessage: t('tags.removed'),
  });
  const available = all.filter((x) => !has.has(x.id));
  const canEdit = can('contacts.edit') && !contact.deletedAt;
  return (
    <Card
      title={t('fields.tags')}
      actions={
        canEdit &&
        available.length > 0 && (
          <Menu
            label={t('tags.add')}
            align="end"
            items={available.map((tag) => ({ key: tag.id, label: tag.name, onSelect: () => add.mutate(tag.id) }))}
            trigger={(p) => (
              <Button {...p} size="sm" variant="ghost" icon={<Plus />}>
                {t('tags.add')}
              </Button>
            )}
          />
        )
      }
    >
      {contact.tags.length ? (
        <div className="row">
          {contact.tags.map((tag) => (
            <Badge
              key={tag.id}
              color={badgeColor(tag.color)}
              onRemove={canEdit ? () => remove.mutate(tag.id) : undefined}
              removeLabel={t('tags.removeNamed', { name: tag.name })}
            >
              {tag.name}
            </Badge>
          ))}
        </div>
      ) : (
        <p className="text-muted text-sm">{t('tags.none')}</p>
      )}
    </Card>
  );
}
