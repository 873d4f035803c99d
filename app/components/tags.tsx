import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

export type PickerTag = {
  id: string
  parentId: string | null
  nameEn: string
  nameEs: string
  color: string
  depth: number
  retiredAt: Date | string | null
}

type Named = { nameEn: string; nameEs: string }

export function tagName(tag: Named, language: string): string {
  return language === 'es' ? tag.nameEs : tag.nameEn
}

/** "Parent › Child" in the reader's language. */
export function tagPath(tag: PickerTag, byId: Map<string, PickerTag>, language: string): string {
  const names: string[] = []
  const seen = new Set<string>()
  for (let at: PickerTag | undefined = tag; at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
    seen.add(at.id)
    names.unshift(tagName(at, language))
  }
  return names.join(' › ')
}

/** A tag's colour as a small decorative square beside its name. */
export function Swatch({ color }: { color: string }) {
  return <span className="swatch" style={{ background: color }} aria-hidden="true" />
}

export function TagChip({ tag, children }: { tag: Named & { color: string; retiredAt?: Date | string | null }; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation()
  return (
    <span className={tag.retiredAt ? 'tag tag--retired' : 'tag'} style={{ borderColor: tag.color }}>
      <Swatch color={tag.color} />
      {tagName(tag, i18n.language)}
      {tag.retiredAt ? <span className="visually-hidden"> ({t('codebook.retired')})</span> : null}
      {children}
    </span>
  )
}

/** <option>s of the active codebook in tree order, sub-tags indented. */
export function TagOptions({ tags, exclude }: { tags: PickerTag[]; exclude?: (tag: PickerTag) => boolean }) {
  const { i18n } = useTranslation()
  return (
    <>
      {tags
        .filter((tag) => !tag.retiredAt && !exclude?.(tag))
        .map((tag) => (
          <option key={tag.id} value={tag.id}>
            {'\u2014 '.repeat(tag.depth)}
            {tagName(tag, i18n.language)}
          </option>
        ))}
    </>
  )
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

const isEditable = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))

/**
 * Choosing a tag. Without JavaScript: a <select> of the active codebook. With it: a
 * type-to-filter combobox (names in both languages match): ↑/↓ move, Enter applies the
 * highlighted tag (and submits the form), Esc closes; `shortcut` (e.g. "t") anywhere on the
 * page outside a text field opens it.
 */
export function TagPicker({
  id,
  name = 'tagId',
  tags,
  label,
  describedBy,
  invalid,
  shortcut,
  submitOnEnter = true,
}: {
  id: string
  name?: string
  tags: PickerTag[]
  label: string
  describedBy?: string
  invalid?: boolean
  shortcut?: string
  submitOnEnter?: boolean
}) {
  const { t, i18n } = useTranslation()
  const [enhanced, setEnhanced] = useState(false)
  useEffect(() => setEnhanced(true), [])
  const active = useMemo(() => tags.filter((tag) => !tag.retiredAt), [tags])
  const byId = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags])
  const options = useMemo(
    () =>
      active.map((tag) => ({
        tag,
        label: tagPath(tag, byId, i18n.language),
        haystack: fold(`${tagPath(tag, byId, 'en')} ${tagPath(tag, byId, 'es')}`),
      })),
    [active, byId, i18n.language],
  )
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [highlighted, setHighlighted] = useState(0)
  const [chosen, setChosen] = useState<string>('')
  const input = useRef<HTMLInputElement>(null)
  const listId = useId()
  const words = fold(query).split(/\s+/).filter(Boolean)
  const shown = options.filter((o) => words.every((w) => o.haystack.includes(w)))

  useEffect(() => {
    if (!enhanced || !shortcut) return
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== shortcut || e.ctrlKey || e.metaKey || e.altKey || isEditable(e.target)) return
      e.preventDefault()
      input.current?.focus()
      setOpen(true)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [enhanced, shortcut])

  if (!enhanced) {
    return (
      <select id={id} name={name} defaultValue="" aria-describedby={describedBy} aria-invalid={invalid || undefined} required>
        <option value="">{t('common.chooseOne')}</option>
        <TagOptions tags={tags} />
      </select>
    )
  }

  const choose = (tagId: string, submit: boolean) => {
    const option = options.find((o) => o.tag.id === tagId)
    setChosen(tagId)
    setQuery(option?.label ?? '')
    setOpen(false)
    if (submit && submitOnEnter) {
      const form = input.current?.form
      // Let React put the chosen id into the hidden field before the form reads it.
      if (form) setTimeout(() => form.requestSubmit(), 0)
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      setOpen(true)
      setHighlighted((h) => (open ? Math.min(h + 1, shown.length - 1) : 0))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setHighlighted((h) => Math.max(h - 1, 0))
    } else if (e.key === 'Enter') {
      if (open && shown[highlighted]) {
        e.preventDefault()
        choose(shown[highlighted].tag.id, true)
      } else if (!chosen) e.preventDefault()
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault()
        setOpen(false)
      }
    }
  }

  const optionId = (i: number) => `${listId}-option-${i}`
  return (
    <div className="combobox">
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && shown[highlighted] ? optionId(highlighted) : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        placeholder={t('tagging.pickerPlaceholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setChosen('')
          setOpen(true)
          setHighlighted(0)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <input type="hidden" name={name} value={chosen} />
      <ul id={listId} role="listbox" aria-label={label} className="combobox__list" hidden={!open}>
        {shown.length === 0 ? (
          <li className="combobox__empty" role="presentation">
            {t('tagging.noMatch')}
          </li>
        ) : (
          shown.map((o, i) => (
            <li
              key={o.tag.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === highlighted}
              className={i === highlighted ? 'combobox__option combobox__option--active' : 'combobox__option'}
              onMouseDown={(e) => {
                e.preventDefault()
                choose(o.tag.id, false)
              }}
            >
              <Swatch color={o.tag.color} />
              {o.label}
            </li>
          ))
        )}
      </ul>
    </div>
  )
}
