/**
 * The auto-layout dialog: while the proposals are made, a line saying so;
 * then the three proposals side by side, best first, each with its page
 * and its score; Use this layout applies it, Cancel or Escape leaves the
 * page as it was.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { pageLabels } from '../../shared/model/plan';
import { renderUiText } from '../i18n/ui-text';
import type { EditorStore } from '../state/editor-store';
import type { AutoLayoutDialog } from './dialog-state';
import { applyProposal, closeDialog } from './run-auto-layout';
import { ProposalCard } from './ProposalCard';

export function AutoLayoutView({ store, dialog }: { store: EditorStore; dialog: AutoLayoutDialog }) {
  const { t, i18n } = useTranslation();
  const edition = store.getState().edition;
  const label = edition ? (pageLabels(edition)[dialog.pageIndex] ?? String(dialog.pageIndex + 1)) : '';
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeDialog(store);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  const title = t('autoLayout.title', { page: label });
  return (
    <div className="modal-backdrop">
      <section
        className="modal al-dialog"
        role="dialog"
        aria-label={title}
        data-testid="auto-layout-dialog"
        data-status={dialog.status}
      >
        <h2>{title}</h2>
        {dialog.status === 'working' ? (
          <p className="al-working" data-testid="al-working">
            {t('autoLayout.working')}
          </p>
        ) : null}
        {dialog.status === 'failed' ? (
          <p className="al-failed" role="alert" data-testid="al-failed">
            {renderUiText(dialog.message, i18n)}
          </p>
        ) : null}
        {dialog.status === 'ready' ? (
          <>
            <p className="al-source" data-testid="al-source">
              {t(dialog.result.input.source === 'plan' ? 'autoLayout.sourcePlan' : 'autoLayout.sourcePage', {
                count: dialog.result.input.stories.length,
              })}
              {' · '}
              {t('autoLayout.hint')}
            </p>
            <div className="al-proposals">
              {dialog.result.proposals.map((proposal) => (
                <ProposalCard
                  key={proposal.rank}
                  proposal={proposal}
                  onUse={() => applyProposal(store, proposal)}
                />
              ))}
            </div>
          </>
        ) : null}
        <div className="modal-buttons">
          <button data-testid="al-cancel" onClick={() => closeDialog(store)}>
            {t('dialog.cancel')}
          </button>
        </div>
      </section>
    </div>
  );
}
