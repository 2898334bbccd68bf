/**
 * The paragraph style editor: every property of a paragraph style — type
 * (font, weight, italic, size in pt/号/mm, leading, tracking), indents and
 * spacing (and a caption's gap under its photo), composition (alignment and last line, 避头尾 level, Han–Latin
 * space, hyphenation, language), columns and flow (span columns, keep with
 * next, widows/orphans, run-in, grid) and colour (swatch and tint).
 * Inherited values are grey and name the style they come from; values the
 * style sets have a × that clears the override. Every change is one
 * `upsert_paragraph_style` operation (one undo step) sent through `change`.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type {
  Alignment,
  Id,
  KinsokuLevel,
  ParagraphLength,
  ParagraphStyleProps,
  StyleSheets,
} from '../../../shared/model/types';
import { paragraphFieldStates, sameValue, type FieldState } from '../../../shared/editing/style-overrides';
import {
  type FieldParse,
  formatParagraphLength,
  formatStyleLength,
  formatTypeSize,
  paragraphLengthUnit,
  parseParagraphLength,
  parseSpanColumns,
  parseStyleLength,
  parseStyleNumber,
  parseTypeSize,
} from '../../../shared/editing/style-fields';
import type { Units } from '../../state/view';
import {
  CheckField,
  CommitField,
  FieldRow,
  NameAndBasedOnFields,
  SelectField,
  STYLE_EDITOR_GRID,
  type OverrideInfo,
} from './fields';
import { FontFields } from './FontFields';
import { ColorFields } from './ColorFields';

export type ParagraphPatch = { [K in keyof ParagraphStyleProps]?: ParagraphStyleProps[K] | undefined } & {
  name?: string;
  basedOn?: Id | null;
};

const ALIGNMENTS: Alignment[] = ['left', 'center', 'right', 'justify'];
const KINSOKU: KinsokuLevel[] = ['none', 'basic', 'gb', 'strict'];
type LengthKey =
  'firstLineIndent' | 'leftIndent' | 'rightIndent' | 'spaceBefore' | 'spaceAfter' | 'captionGap';

export function ParagraphStyleEditor(props: {
  styles: StyleSheets;
  styleId: Id;
  units: Units;
  change: (patch: ParagraphPatch) => void;
  notify: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { styles, styleId, change } = props;
  const style = styles.paragraph[styleId];
  const fields = paragraphFieldStates(styles, styleId);
  const body = fields.fontSize.value;
  const zhText = fields.language.value === 'zh-Hans';

  const field = <K extends keyof ParagraphStyleProps>(key: K) =>
    fields[key] as FieldState<ParagraphStyleProps[K]>;
  const info = <K extends keyof ParagraphStyleProps>(key: K, text: (v: ParagraphStyleProps[K]) => string) =>
    overrideInfo(t, styles, field(key), text);
  /** Sets a property unless it already has that value. */
  const set = <K extends keyof ParagraphStyleProps>(key: K, value: ParagraphStyleProps[K]) => {
    if (!(field(key).overridden && sameValue(field(key).value, value))) change({ [key]: value });
  };
  const clear = (...keys: (keyof ParagraphStyleProps)[]) =>
    change(Object.fromEntries(keys.map((k) => [k, undefined])) as ParagraphPatch);
  const commit = <V,>(parsed: FieldParse<V>, apply: (value: V) => void) => {
    if (parsed.ok) apply(parsed.value);
    else props.notify(t(parsed.error.key, parsed.error.values));
  };

  // Indents and spaces show the unit they are kept in: 字/em (follows the size) or the view's mm/pt.
  // A Chinese style's first-line indent of 0 reads as 0字, so a bare number typed there is 字.
  const emWord = i18n.language.startsWith('zh') ? '字' : 'em';
  const shownLength = (key: LengthKey, length: ParagraphLength): ParagraphLength =>
    key === 'firstLineIndent' && zhText && length === 0 ? { value: 0, unit: 'em' } : length;
  const lengthText = (key: LengthKey) => (length: ParagraphLength) =>
    formatParagraphLength(shownLength(key, length), props.units, emWord);
  const yesNo = (v: boolean) => (v ? t('styles.on') : t('styles.off'));
  const spanText = (v: number | 'all') => (v === 'all' ? t('styles.spanAll') : String(v));
  const sizeText = (pt: number) => formatTypeSize(pt, fields.sizeUnit.value);

  const row = (
    key: keyof ParagraphStyleProps,
    info: OverrideInfo,
    control: React.ReactNode,
    clearKeys?: (keyof ParagraphStyleProps)[],
  ) => (
    <FieldRow
      key={key}
      fieldKey={key}
      label={t(`styles.field.${key}` as 'styles.field.fontSize')}
      info={info}
      onClear={() => clear(...(clearKeys ?? [key]))}
    >
      {control}
    </FieldRow>
  );
  const textRow = (
    key: keyof ParagraphStyleProps,
    shown: string,
    onCommit: (text: string) => void,
    options: {
      testId?: string;
      title?: string;
      info: OverrideInfo;
      clearKeys?: (keyof ParagraphStyleProps)[];
    },
  ) =>
    row(
      key,
      options.info,
      <CommitField
        id={`style-field-${key}`}
        testId={options.testId ?? `style-${key}`}
        value={shown}
        title={options.title}
        inherited={!options.info.overridden}
        onCommit={onCommit}
      />,
      options.clearKeys,
    );
  const lengthRow = (key: LengthKey, allowNegative = false) =>
    textRow(
      key,
      lengthText(key)(field(key).value ?? 0),
      (text) =>
        commit(
          parseParagraphLength(text, {
            bodySize: body,
            defaultUnit: paragraphLengthUnit(shownLength(key, field(key).value ?? 0), props.units),
            allowNegative,
          }),
          (length) => set(key, length),
        ),
      {
        info: info(key, (v) => lengthText(key)(v ?? 0)),
        title: t(key === 'captionGap' ? 'styles.hint.captionGap' : 'styles.hint.length'),
      },
    );
  const checkRow = (key: 'hyphenate' | 'keepWithNext' | 'runIn' | 'alignToGrid' | 'italic') =>
    row(
      key,
      info(key, yesNo),
      <CheckField
        id={`style-field-${key}`}
        testId={`style-${key}`}
        checked={fields[key].value}
        onChange={(checked) => set(key, checked)}
      />,
    );
  const heading = (key: 'type' | 'indents' | 'composition' | 'flow') => (
    <strong key={`h-${key}`} style={{ gridColumn: '1 / -1', marginTop: 6, borderBottom: '1px solid #ddd' }}>
      {t(`styles.group.${key}`)}
    </strong>
  );

  return (
    <div className="style-editor" data-testid="style-editor" style={STYLE_EDITOR_GRID}>
      <NameAndBasedOnFields
        idPrefix="style-field-"
        testIdPrefix="style-"
        style={style}
        siblings={styles.paragraph}
        onChange={change}
      />

      {heading('type')}
      <FontFields
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
      {checkRow('italic')}
      {textRow(
        'fontSize',
        sizeText(fields.fontSize.value),
        (text) =>
          commit(parseTypeSize(text), ({ pt, unit }) => {
            if (!(
              fields.fontSize.overridden &&
              fields.fontSize.value === pt &&
              fields.sizeUnit.value === unit
            ))
              change({ fontSize: pt, sizeUnit: unit });
          }),
        {
          testId: 'style-size',
          title: t('styles.hint.size'),
          info: info('fontSize', sizeText),
          clearKeys: ['fontSize', 'sizeUnit'],
        },
      )}
      {textRow(
        'leading',
        formatStyleLength(fields.leading.value, 'pt', body),
        (text) =>
          commit(parseStyleLength(text, { bodySize: body, defaultUnit: 'pt' }), (pt) => set('leading', pt)),
        { testId: 'style-leading', title: t('styles.hint.length'), info: info('leading', (v) => `${v}pt`) },
      )}
      {textRow(
        'tracking',
        String(fields.tracking.value),
        (text) => commit(parseStyleNumber(text, { min: -1000, max: 10000 }), (v) => set('tracking', v)),
        { info: info('tracking', String) },
      )}

      {heading('indents')}
      {lengthRow('firstLineIndent', true)}
      {lengthRow('leftIndent')}
      {lengthRow('rightIndent')}
      {lengthRow('spaceBefore')}
      {lengthRow('spaceAfter')}
      {lengthRow('captionGap')}

      {heading('composition')}
      {row(
        'align',
        info('align', (v) => t(`styles.align.${v}`)),
        <SelectField
          id="style-field-align"
          testId="style-align"
          value={fields.align.value}
          inherited={!fields.align.overridden}
          options={ALIGNMENTS.map((a) => ({ value: a, label: t(`styles.align.${a}`) }))}
          onChange={(value) => set('align', value)}
        />,
      )}
      {row(
        'lastLineAlign',
        info('lastLineAlign', (v) => t(`styles.align.${v}`)),
        <SelectField
          id="style-field-lastLineAlign"
          testId="style-lastLineAlign"
          value={fields.lastLineAlign.value}
          inherited={!fields.lastLineAlign.overridden}
          options={ALIGNMENTS.map((a) => ({ value: a, label: t(`styles.align.${a}`) }))}
          onChange={(value) => set('lastLineAlign', value)}
        />,
      )}
      {row(
        'kinsoku',
        info('kinsoku', (v) => t(`styles.kinsoku.${v}`)),
        <SelectField
          id="style-field-kinsoku"
          testId="style-kinsoku"
          value={fields.kinsoku.value}
          inherited={!fields.kinsoku.overridden}
          options={KINSOKU.map((k) => ({ value: k, label: t(`styles.kinsoku.${k}`) }))}
          onChange={(value) => set('kinsoku', value)}
        />,
      )}
      {textRow(
        'hanLatinSpacing',
        String(fields.hanLatinSpacing.value),
        (text) =>
          commit(parseStyleNumber(text, { min: 0, max: 2, suffixes: ['em', '字'] }), (v) =>
            set('hanLatinSpacing', v),
          ),
        { info: info('hanLatinSpacing', String) },
      )}
      {checkRow('hyphenate')}
      {row(
        'language',
        info('language', (v) => t(`textLanguage.${v}`)),
        <SelectField
          id="style-field-language"
          testId="style-language"
          value={fields.language.value}
          inherited={!fields.language.overridden}
          options={(['zh-Hans', 'en'] as const).map((l) => ({ value: l, label: t(`textLanguage.${l}`) }))}
          onChange={(value) => set('language', value)}
        />,
      )}

      {heading('flow')}
      {textRow(
        'spanColumns',
        spanText(fields.spanColumns.value),
        (text) => commit(parseSpanColumns(text), (v) => set('spanColumns', v)),
        { info: info('spanColumns', spanText), title: t('styles.hint.span') },
      )}
      {checkRow('keepWithNext')}
      {textRow(
        'orphans',
        String(fields.orphans.value),
        (text) =>
          commit(parseStyleNumber(text, { min: 1, max: 20, integer: true }), (v) => set('orphans', v)),
        { info: info('orphans', String) },
      )}
      {textRow(
        'widows',
        String(fields.widows.value),
        (text) => commit(parseStyleNumber(text, { min: 1, max: 20, integer: true }), (v) => set('widows', v)),
        { info: info('widows', String) },
      )}
      {checkRow('runIn')}
      {checkRow('alignToGrid')}
      <ColorFields
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

/** What the row shows about a property's origin, in the interface language. */
export function overrideInfo<V>(
  t: TFunction,
  styles: StyleSheets,
  state: FieldState<V>,
  text: (value: V) => string,
  fromTable: 'paragraph' | 'character' = 'paragraph',
): OverrideInfo {
  const source = state.from ? (styles[fromTable][state.from]?.name ?? state.from) : t('styles.builtIn');
  return {
    overridden: state.overridden,
    source,
    inheritedText:
      state.inherited === undefined ? t('styles.fromParagraph') : `${text(state.inherited)} (${source})`,
  };
}
