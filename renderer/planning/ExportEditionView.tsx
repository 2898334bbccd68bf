/**
 * File ▸ Export Pages for Printer…: the folder (asked here in a host
 * without native dialogs; Electron shows its folder dialog on Export) and
 * the file-name pattern, with the first names it gives, checked as typed
 * by the same code the export uses (shared/planning/export-names.ts). The
 * host writes one PDF per page, the whole edition and manifest.json
 * (main/pdf/split-export.ts). A pattern other than the plan's is kept in
 * the plan (one undo step), so the next export offers it.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_EXPORT_PATTERN, planOf } from '../../shared/model/plan';
import { editionFileName, splitExportFiles } from '../../shared/planning/export-names';
import { sessionOf } from '../actions/session';
import type { EditorStore } from '../state/editor-store';
import { useEditor } from '../state/use-editor';
import { planningDialogsOf, type ExportEditionDialog } from './dialog-state';
import { closeDialog } from './run-auto-layout';

const MANIFEST = 'manifest.json';
const FIELDS = { date: '{date}', page: '{page}', n: '{n}', section: '{section}', edition: '{edition}' };

function defaultFolder(path: string | null): string {
  return path ? path.replace(/\.[^./\\]+$/, '') + '-pages' : 'edition-pages';
}

export function ExportEditionView({ store, dialog }: { store: EditorStore; dialog: ExportEditionDialog }) {
  const { t } = useTranslation();
  const edition = useEditor((s) => s.edition);
  const document = useEditor((s) => s.document);
  const dialogs = planningDialogsOf(store);
  const planned = edition ? planOf(edition).settings.exportPattern || DEFAULT_EXPORT_PATTERN : '';
  const [pattern, setPattern] = useState(planned);
  const [folder, setFolder] = useState(() => defaultFolder(document?.path ?? null));
  const [force, setForce] = useState(false);
  const native = Boolean(dialogs.info?.nativeDialogs);
  const names = useMemo(() => {
    if (!edition) return null;
    try {
      const files = splitExportFiles(
        edition,
        edition.pages.map((_, i) => i + 1),
        pattern.trim(),
      );
      return { files: files.map((f) => f.file), whole: editionFileName(edition, pattern.trim()) };
    } catch {
      return null;
    }
  }, [edition, pattern]);
  if (!edition || !document) return null;
  const working = dialog.status === 'working';

  const submit = async () => {
    if (!names || working || !dialogs.services) return;
    if (!native && !folder.trim()) return;
    dialogs.set({ kind: 'export-edition', status: 'working' });
    try {
      const current = store.getState().edition!;
      if (current.plan && pattern.trim() !== planned)
        sessionOf(store).apply([{ type: 'set_plan_settings', props: { exportPattern: pattern.trim() } }], {
          label: 'step.exportPattern',
        });
      const written = await dialogs.services['edition.exportSplit']({
        documentId: document.documentId,
        edition: store.getState().edition!,
        pattern: pattern.trim(),
        folder: native ? undefined : folder.trim(),
        force,
      });
      closeDialog(store);
      if (written)
        dialogs.prompts?.notify({
          key: 'exportEdition.done',
          values: { count: written.pages, whole: written.whole, folder: written.folder, manifest: MANIFEST },
        });
    } catch (error) {
      dialogs.set({ kind: 'export-edition', status: 'editing' });
      dialogs.prompts?.notify(error as Error, 'error');
    }
  };

  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-label={t('exportEdition.title')}
        data-testid="export-edition-dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') closeDialog(store);
        }}
      >
        <h2>{t('exportEdition.title')}</h2>
        {native ? null : (
          <label>
            {t('exportEdition.folder')}
            <input
              data-testid="export-edition-folder"
              value={folder}
              onChange={(event) => setFolder(event.target.value)}
              spellCheck={false}
              autoFocus
            />
          </label>
        )}
        <label>
          {t('exportEdition.pattern')}
          <input
            data-testid="export-edition-pattern"
            value={pattern}
            onChange={(event) => setPattern(event.target.value)}
            spellCheck={false}
            autoFocus={native}
          />
        </label>
        <p className="export-edition-note">{t('exportEdition.fields', FIELDS)}</p>
        <label className="export-edition-force">
          <input
            type="checkbox"
            data-testid="export-edition-force"
            checked={force}
            onChange={(event) => setForce(event.target.checked)}
          />
          {t('exportEdition.force')}
        </label>
        {names ? (
          <p className="export-edition-note" data-testid="export-edition-preview">
            {t('exportEdition.preview', {
              files: [...names.files.slice(0, 3), names.whole].join(', '),
              manifest: MANIFEST,
            })}
          </p>
        ) : (
          <p className="export-edition-error" role="alert" data-testid="export-edition-bad">
            {t('exportEdition.badPattern')}
          </p>
        )}
        {working ? (
          <p className="export-edition-note" data-testid="export-edition-working">
            {t('exportEdition.working', { count: edition.pages.length })}
          </p>
        ) : null}
        <div className="modal-buttons">
          <button type="button" onClick={() => closeDialog(store)}>
            {t('dialog.cancel')}
          </button>
          <button
            type="submit"
            data-testid="export-edition-ok"
            disabled={!names || working || (!native && !folder.trim())}
          >
            {t('exportEdition.export')}
          </button>
        </div>
      </form>
    </div>
  );
}
