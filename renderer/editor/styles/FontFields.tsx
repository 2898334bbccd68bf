/**
 * Font family and weight, from the families Folio bundles (FONT_WEIGHTS):
 * the weight list follows the family, and switching to a family without
 * the current weight picks its nearest one in the same change. For a
 * character style an empty choice means "as the paragraph".
 */
import { useTranslation } from 'react-i18next';
import { FONT_WEIGHTS } from '../../../shared/model/defaults';
import type { FieldState } from '../../../shared/editing/style-overrides';
import { nearestWeight } from '../../../shared/editing/style-fields';
import { FieldRow, SelectField, type OverrideInfo } from './fields';

export function FontFields(props: {
  family: FieldState<string | undefined>;
  weight: FieldState<number | undefined>;
  familyInfo: OverrideInfo;
  weightInfo: OverrideInfo;
  /** A new family, and a weight when the current one is not available in it. */
  onFamily: (family: string, weight: number | undefined) => void;
  onWeight: (weight: number) => void;
  onClearFamily: () => void;
  onClearWeight: () => void;
  /** Character styles: allow "as paragraph" (no value). */
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const family = props.family.value;
  const weight = props.weight.value;
  const asParagraph = props.optional ? [{ value: '', label: t('styles.fromParagraph') }] : [];
  const families = Object.keys(FONT_WEIGHTS);
  const familyOptions = [
    ...asParagraph,
    ...families.map((f) => ({
      value: f,
      label: t(`styles.family.${f}` as 'styles.family.Noto Serif SC', f),
    })),
    // A family the bundle does not have (an imported style) stays visible and selected.
    ...(family && !families.includes(family) ? [{ value: family, label: family }] : []),
  ];
  const available = [...(FONT_WEIGHTS[family ?? ''] ?? FONT_WEIGHTS[families[0]])];
  if (weight !== undefined && !available.includes(weight)) available.push(weight);
  const weightOptions = [
    ...asParagraph,
    ...available
      .sort((a, b) => a - b)
      .map((w) => ({ value: String(w), label: t(`styles.weight.${w}` as 'styles.weight.400', String(w)) })),
  ];
  return (
    <>
      <FieldRow
        fieldKey="fontFamily"
        label={t('styles.field.fontFamily')}
        info={props.familyInfo}
        onClear={props.onClearFamily}
      >
        <SelectField
          id="style-field-fontFamily"
          testId="style-font"
          value={family ?? ''}
          inherited={!props.family.overridden}
          options={familyOptions}
          onChange={(next) => {
            if (!next) return props.onClearFamily();
            const keep = weight === undefined || (FONT_WEIGHTS[next] ?? []).includes(weight);
            props.onFamily(next, keep ? undefined : nearestWeight(next, weight));
          }}
        />
      </FieldRow>
      <FieldRow
        fieldKey="fontWeight"
        label={t('styles.field.fontWeight')}
        info={props.weightInfo}
        onClear={props.onClearWeight}
      >
        <SelectField
          id="style-field-fontWeight"
          testId="style-weight"
          value={weight === undefined ? '' : String(weight)}
          inherited={!props.weight.overridden}
          options={weightOptions}
          onChange={(next) => (next ? props.onWeight(Number(next)) : props.onClearWeight())}
        />
      </FieldRow>
    </>
  );
}
