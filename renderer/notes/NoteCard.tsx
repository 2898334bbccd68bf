/**
 * One note in the Notes panel: its number in the author's colour, who and
 * when, where it is (page, or detached when its words or frame are gone),
 * the words it covers, the note and its replies; Reply, Resolve/Reopen,
 * Edit and Delete, each one undo step. A click on the head goes to it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteView } from '../../shared/review';
import type { Edition } from '../../shared/model/types';
import type { EditorStore } from '../state/editor-store';
import { deleteNote, editNote, reply, setResolved } from './note-actions';
import { jumpToNote } from './jump';
import { WriteBox } from './WriteBox';

function frameKind(edition: Edition, frameId: string): string | null {
  for (const page of edition.pages) {
    const frame = page.frames.find((f) => f.id === frameId);
    if (frame) return frame.kind;
  }
  return null;
}

export function useTimeFormat(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'zh-Hans' ? 'zh-CN' : 'en-GB', {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

interface NoteCardProps {
  store: EditorStore;
  view: NoteView;
  edition: Edition;
  pageLabels: string[];
  focused: boolean;
  language: string;
}

export function NoteCard({ store, view, edition, pageLabels, focused, language }: NoteCardProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { note } = view;
  const [mode, setMode] = useState<'idle' | 'reply' | 'edit'>('idle');
  const item = useRef<HTMLLIElement>(null);
  const resolved = note.resolved !== null;

  useEffect(() => {
    if (focused) item.current?.scrollIntoView?.({ block: 'nearest' });
  }, [focused]);

  const where =
    view.pageIndex !== null
      ? t('notes.where.page', { page: pageLabels[view.pageIndex] ?? view.pageIndex + 1 })
      : t('notes.where.none');
  const anchor = note.anchor;
  const kind = anchor.kind === 'frame' ? frameKind(edition, anchor.frameId) : null;
  const kindLabel = kind ? t(`prop.kind.${kind}`) : t('notes.kind.frame');

  return (
    <li
      ref={item}
      className={['note-card', focused ? 'focused' : '', resolved ? 'resolved' : ''].join(' ')}
      data-testid="note"
      data-note-id={note.id}
      data-status={resolved ? 'resolved' : 'open'}
      data-detached={view.detached || undefined}
      style={{ ['--mark-color' as string]: note.color }}
    >
      <button
        type="button"
        className="note-head"
        data-testid="note-go"
        onClick={() => jumpToNote(store, view)}
      >
        <span className="note-number" aria-hidden="true">
          {view.number}
        </span>
        <span className="note-author">{note.author}</span>
        <span className="note-time">{time(note.time)}</span>
        <span className="note-where">{where}</span>
      </button>
      {anchor.kind === 'text' ? (
        view.detached ? (
          <div className="note-quote detached" data-testid="note-quote">
            <span className="note-detached" data-testid="note-detached">
              {t('notes.detached')}
            </span>{' '}
            <del lang={language}>{anchor.quote}</del>
          </div>
        ) : (
          <div className="note-quote" data-testid="note-quote" lang={language} translate="no">
            {view.text}
          </div>
        )
      ) : (
        <div className="note-quote" data-testid="note-quote">
          {view.detached ? (
            <span className="note-detached" data-testid="note-detached">
              {t('notes.detachedOther')}
            </span>
          ) : anchor.kind === 'frame' ? (
            t('notes.anchor.frame', { kind: kindLabel })
          ) : (
            t('notes.anchor.page')
          )}
        </div>
      )}
      {mode === 'edit' ? (
        <WriteBox
          testId="note-edit-text"
          initial={note.text}
          placeholder={t('notes.draft.placeholder')}
          submitLabel={t('notes.save')}
          onSubmit={(text) => {
            if (editNote(store, note.id, text)) setMode('idle');
          }}
          onCancel={() => setMode('idle')}
        />
      ) : (
        <p className="note-text" data-testid="note-text">
          {note.text}
        </p>
      )}
      {note.replies.length > 0 ? (
        <ol className="note-replies">
          {note.replies.map((r) => (
            <li key={r.id} data-testid="note-reply" style={{ ['--mark-color' as string]: r.color }}>
              <span className="note-author">{r.author}</span>
              <span className="note-time">{time(r.time)}</span>
              <p className="note-text">{r.text}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {note.resolved ? (
        <div className="note-resolved" data-testid="note-resolved-by">
          {t('notes.resolvedBy', { author: note.resolved.author, time: time(note.resolved.time) })}
        </div>
      ) : null}
      {mode === 'reply' ? (
        <WriteBox
          testId="note-reply-text"
          placeholder={t('notes.reply.placeholder')}
          submitLabel={t('notes.reply.send')}
          onSubmit={(text) => {
            void reply(store, note.id, text).then((done) => done && setMode('idle'));
          }}
          onCancel={() => setMode('idle')}
        />
      ) : null}
      {mode === 'idle' ? (
        <div className="note-actions">
          <button type="button" data-testid="note-reply-open" onClick={() => setMode('reply')}>
            {t('notes.reply')}
          </button>
          <button
            type="button"
            data-testid={resolved ? 'note-reopen' : 'note-resolve'}
            onClick={() => void setResolved(store, note.id, !resolved)}
          >
            {resolved ? t('notes.reopen') : t('notes.resolve')}
          </button>
          <button type="button" data-testid="note-edit" onClick={() => setMode('edit')}>
            {t('notes.edit')}
          </button>
          <button type="button" data-testid="note-delete" onClick={() => deleteNote(store, note.id)}>
            {t('notes.delete')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
