/** The evaluation grade of domain.md §9 from configurable thresholds. */

/** Grades from best to worst. */
export const GRADES = ['sangat_baik', 'baik', 'sedang', 'kurang'] as const;
export type Grade = (typeof GRADES)[number];

/** Indonesian labels of the grades, as Kemendagri publishes them. */
export const GRADE_LABELS_ID: Record<Grade, string> = {
  sangat_baik: 'Sangat Baik',
  baik: 'Baik',
  sedang: 'Sedang',
  kurang: 'Kurang',
};

/** The indicator a grade is based on. */
export type GradeBasis = 'completionRate' | 'followUpRate';

/** Thresholds of a grade scale: the first band whose minimum the value reaches wins; below all bands is `fallback`. */
export interface GradeScale {
  basis: GradeBasis;
  bands: ReadonlyArray<{ min: number; grade: Grade }>;
  fallback: Grade;
}

/** The default scale, on completion rate: ≥ 90 Sangat Baik, ≥ 75 Baik, ≥ 50 Sedang, else Kurang (unconfirmed; configurable). */
export const DEFAULT_GRADE_SCALE: GradeScale = {
  basis: 'completionRate',
  bands: [
    { min: 90, grade: 'sangat_baik' },
    { min: 75, grade: 'baik' },
    { min: 50, grade: 'sedang' },
  ],
  fallback: 'kurang',
};

/** The grade of a percentage on a scale; null when there is nothing to grade. */
export function gradeFor(value: number | null, scale: GradeScale = DEFAULT_GRADE_SCALE): Grade | null {
  if (value === null) return null;
  const bands = [...scale.bands].sort((a, b) => b.min - a.min);
  return bands.find((band) => value >= band.min)?.grade ?? scale.fallback;
}
