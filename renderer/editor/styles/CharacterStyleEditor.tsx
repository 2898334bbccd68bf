/**
 * The character style editor: font, weight, italic, size (pt, 号 or mm),
 * tracking, colour and baseline shift. A character style sets only what it
 * names; a property nobody in its based-on chain sets stays "as paragraph"
 * (an empty field, or the first choice of a menu). Clearing a field or the
 * × returns it there. Each change is one `upsert_character_style`.
 */
import { useTranslation } from 'react-i18next';
import type { CharacterStyleProps, EditionMeta, Id, StyleSheets } from '../../../shared/model/types';
import { characterFieldStates, sameValue } from '../../../shared/editing/style-overrides';
import {
  type FieldParse,
  formatStyleLength,
  formatTypeSize,
  parseStyleLength,
  parseStyleNumber,
  parseTypeSize,
} from '../../../shared/editing/style-fields';
import { CommitField, FieldRow, NameAndBasedOnFields, SelectField, STYLE_EDITOR_GRID } from './fields';
import { FontFields } from './FontFields';
import { ColorFields } from './ColorFields';
import { overrideInfo } from './ParagraphStyleEditor';

export type CharacterPatch = { [K in keyof CharacterStyleProps]?: CharacterStyleProps[K] | undefined } & {
  name?: string;
  basedOn?: Id | null;
};

export function CharacterStyleEditor(props: {
  styles: StyleSheets;
  styleId: Id;
  language: EditionMeta['language'];
  change: (patch: CharacterPatch) => void;
  notify: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { styles, styleId, change } = props;
  const style = styles.character[styleId];
  const fields = characterFieldStates(styles, styleId);
  const info = <K extends keyof CharacterStyleProps>(key: K, text: (v: CharacterStyleProps[K]) => string) =>
    overrideInfo(
      t,
      styles,
      fields[key],
      (v) => (v === undefined ? t('styles.fromParagraph') : text(v)),
      'character',
    );
  const set = <K extends keyof CharacterStyleProps>(key: K, value: CharacterStyleProps[K]) => {
    if (!(fields[key].overridden && sameValue(fields[key].value, value))) change({ [key]: value });
  };
  const clear = (key: keyof CharacterStyleProps) => change({ [key]: undefined });
  /** An empty field clears the property; otherwise the text is parsed. */
  const commit = <V,>(
    key: keyof CharacterStyleProps,
    text: string,
    parse: (text: string) => FieldParse<V>,
    apply: (v: V) => void,
  ) => {
    if (text.trim() === '') return fields[key].overridden && clear(key);
    const parsed = parse(text);
    if (parsed.ok) apply(parsed.value);
    else props.notify(t(parsed.error.key, parsed.error.values));
  };
  const sizeText = (pt: number) => formatTypeSize(pt, props.language === 'zh-Hans' ? 'hao' : 'pt');
  const textRow = (
    key: 'fontSize' | 'tracking' | 'baselineShift',
    shown: (v: number) => string,
    onCommit: (text: string) => void,
    title?: string,
  ) => (
    <FieldRow
      key={key}
      fieldKey={key}
      label={t(`styles.field.${key}`)}
      info={info(key, shown)}
      onClear={() => clear(key)}
    >
      <CommitField
        id={`style-field-${key}`}
        testId={`char-style-${key}`}
        value={fields[key].value === undefined ? '' : shown(fields[key].value)}
        placeholder={t('styles.fromParagraph')}
        title={title}
        inherited={!fields[key].overridden}
        onCommit={onCommit}
      />
    </FieldRow>
  );
  const italic = fields.italic.value;

  return (
    <div className="char-style-editor" data-testid="char-style-editor" style={STYLE_EDITOR_GRID}>
      <NameAndBasedOnFields
        idPrefix="style-field-char-"
        testIdPrefix="char-style-"
        style={style}
        siblings={styles.character}
        onChange={change}
      />
      <FontFields
        optional
        family={fields.fontFamily}
        weight={fields.fontWeight}
        familyInfo={info('fontFamily', (v) => t(`styles.family.${v}` as 'styles.family.Noto Serif SC', v))}
        weightInfo={info('fontWeight', String)}
        onFamily={(family, weight) =>
          change({ fontFamily: family, ...(weight !== undefined ? { fontWeight: weight } : {}) })
        }
        onWeight={(weight) => set('fontWeight', weight)}
        onClearFamily={() => clear('fontFamily')}
        onClearWeight={() => clear('fontWeight')}
      />
      <FieldRow
        fieldKey="italic"
        label={t('styles.field.italic')}
        info={info('italic', (v) => (v ? t('styles.on') : t('styles.off')))}
        onClear={() => clear('italic')}
      >
        <SelectField
          id="style-field-italic"
          testId="char-style-italic"
          value={italic === undefined ? '' : italic ? 'on' : 'off'}
          inherited={!fields.italic.overridden}
          options={[
            { value: '', label: t('styles.fromParagraph') },
            { value: 'on', label: t('styles.on') },
            { value: 'off', label: t('styles.off') },
          ]}
          onChange={(v) => (v ? set('italic', v === 'on') : clear('italic'))}
        />
      </FieldRow>
      {textRow(
        'fontSize',
        sizeText,
        (text) => commit('fontSize', text, parseTypeSize, ({ pt }) => set('fontSize', pt)),
        t('styles.hint.size'),
      )}
      {textRow('tracking', String, (text) =>
        commit(
          'tracking',
          text,
          (s) => parseStyleNumber(s, { min: -1000, max: 10000 }),
          (v) => set('tracking', v),
        ),
      )}
      {textRow(
        'baselineShift',
        (pt) => formatStyleLength(pt, 'pt', 10),
        (text) =>
          commit(
            'baselineShift',
            text,
            (s) =>
              parseStyleLength(s, {
                bodySize: fields.fontSize.value ?? 10.5,
                defaultUnit: 'pt',
                allowNegative: true,
                max: 200,
              }),
            (v) => set('baselineShift', v),
          ),
        t('styles.hint.length'),
      )}
      <ColorFields
        optional
        swatches={styles.swatches}
        color={fields.color.value}
        info={info('color', (c) => `${styles.swatches[c.swatchId]?.name ?? c.swatchId} ${c.tint}%`)}
        onChange={(color) => set('color', color)}
        onClear={() => clear('color')}
        notify={props.notify}
      />
    </div>
  );
}
