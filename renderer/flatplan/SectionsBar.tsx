/** The edition's sections (要闻 A, 本地 B …): rename, change the page-number prefix, remove, add. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edition } from '../../shared/model/types';
import { planOf } from '../../shared/model/plan';
import { newId } from '../../shared/model/ids';
import { addSection, nextPrefix, removeSection, updateSection } from '../../shared/planning/plan-edits';
import type { FlatplanPage } from '../../shared/planning/flatplan';
import type { EditorStore } from '../state/editor-store';
import { applyPlan } from './apply-plan';
import { CommitField } from './CommitField';

export function SectionsBar({
  store,
  edition,
  pages,
}: {
  store: EditorStore;
  edition: Edition;
  pages: readonly FlatplanPage[];
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [prefix, setPrefix] = useState<string | null>(null);
  const sections = planOf(edition).sections;
  const shownPrefix = prefix ?? nextPrefix(edition);
  const add = () => {
    const done = applyPlan(store, 'step.flatplan.addSection', () =>
      addSection(store.getState().edition!, name, shownPrefix, newId),
    );
    if (done) {
      setName('');
      setPrefix(null);
    }
  };
  return (
    <div className="fp-sections" data-testid="fp-sections" aria-label={t('flatplan.sections')}>
      <h3>{t('flatplan.sections')}</h3>
      <ol>
        {sections.map((section, i) => {
          const count = pages.filter((p) => p.section?.id === section.id).length;
          return (
            <li key={section.id} data-testid={`fp-sec-${i + 1}`}>
              <CommitField
                className="fp-sec-name"
                label={t('flatplan.sectionName')}
                testId={`fp-sec-name-${i + 1}`}
                value={section.name}
                size={8}
                onCommit={(value) =>
                  applyPlan(store, 'step.flatplan.editSection', () =>
                    updateSection(store.getState().edition!, section.id, { name: value }),
                  )
                }
              />
              <CommitField
                className="fp-sec-prefix"
                label={t('flatplan.sectionPrefix')}
                testId={`fp-sec-prefix-${i + 1}`}
                value={section.prefix}
                size={2}
                onCommit={(value) =>
                  applyPlan(store, 'step.flatplan.editSection', () =>
                    updateSection(store.getState().edition!, section.id, { prefix: value }),
                  )
                }
              />
              <span className="fp-sec-count">{t('flatplan.sectionPages', { count })}</span>
              <button
                className="fp-remove"
                data-testid={`fp-sec-remove-${i + 1}`}
                title={t('flatplan.removeSection', { name: section.name })}
                aria-label={t('flatplan.removeSection', { name: section.name })}
                onClick={() =>
                  applyPlan(store, 'step.flatplan.removeSection', () =>
                    removeSection(store.getState().edition!, section.id),
                  )
                }
              >
                ×
              </button>
            </li>
          );
        })}
        <li className="fp-sec-add">
          <input
            aria-label={t('flatplan.sectionName')}
            placeholder={t('flatplan.sectionName')}
            data-testid="fp-new-section-name"
            value={name}
            size={8}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') add();
            }}
          />
          <input
            aria-label={t('flatplan.sectionPrefix')}
            placeholder={t('flatplan.sectionPrefix')}
            data-testid="fp-new-section-prefix"
            value={shownPrefix}
            size={2}
            onChange={(event) => setPrefix(event.target.value)}
          />
          <button data-testid="fp-add-section" onClick={add}>
            {t('flatplan.addSection')}
          </button>
        </li>
      </ol>
    </div>
  );
}
