import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Search } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Avatar, Input } from '../../../design';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useContactSearch } from '../api/contacts';
import { formatPhone } from '../lib/phone';

/**
 * The search box: instant results while typing (arrows + Enter open one); Enter on the box itself
 * applies the text as the list's search filter. "/" anywhere on the page focuses it.
 */
export function InstantSearch({ value, onApply }: { value: string; onApply: (q: string) => void }) {
  const { t } = useTranslation('contacts');
  const navigate = useNavigate();
  const [text, setText] = useState(value);
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const q = useDebouncedValue(text.trim(), 150);
  const hits = useContactSearch(q);
  const items = hits.data ?? [];

  useEffect(() => setText(value), [value]);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === '/' && !target.closest('input, textarea, select, [contenteditable="true"]')) {
        e.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(items.length - 1, i + 1));
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0 && items[active]) navigate(`/contacts/${items[active].id}`);
      else onApply(text.trim());
      setOpen(false);
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  }

  const showList = isOpen && q.length > 0 && text.trim().length > 0;
  return (
    <div className="instant-search">
      <Input
        ref={inputRef}
        type="search"
        size="sm"
        icon={<Search aria-hidden />}
        value={text}
        placeholder={t('list.searchPlaceholder')}
        aria-label={t('list.searchLabel')}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        aria-autocomplete="list"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
          if (!e.target.value) onApply('');
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul className="instant-search-results" role="listbox" id={listId} aria-label={t('list.searchResults')}>
          {items.map((hit, i) => (
            <li
              key={hit.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="instant-search-item"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => navigate(`/contacts/${hit.id}`)}
            >
              <Avatar name={hit.fullName} size="sm" />
              <span className="grow">
                <span className="instant-search-name">{hit.fullName}</span>
                <span className="instant-search-meta">
                  {[formatPhone(hit.primaryPhone), hit.primaryEmail, hit.companyName].filter(Boolean).join(' · ')}
                </span>
              </span>
            </li>
          ))}
          {!hits.isFetching && !items.length && <li className="instant-search-empty">{t('list.noMatches', { q })}</li>}
          {items.length > 0 && <li className="instant-search-hint">{t('list.searchHint')}</li>}
        </ul>
      )}
    </div>
  );
}
