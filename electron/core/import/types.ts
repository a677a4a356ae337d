/** Shared shapes of the attendance import: what a file becomes and what a person row holds. */

/** The fields a participant register has, in the order the register is exported. */
export const PERSON_FIELDS = ['name', 'nip', 'position', 'agency', 'phone', 'email', 'gender', 'role'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** One person as the import and the register export see them: every field as text ('' when empty). */
export type PersonValues = Record<PersonField, string>;

/** A cell of a read table, 0-based row and column indexes into `TableData.rows`. */
export interface CellRef {
  row: number;
  col: number;
}

/** A spreadsheet or CSV as rows of text cells. */
export interface TableData {
  /** Every row of the file in order (blank rows kept, so index + 1 is the row number in the file). */
  rows: string[][];
  /**
   * Cells holding a number too long for Excel (more than 15 significant digits): Excel has
   * already replaced the trailing digits with zeros, so a NIP there cannot be trusted.
   */
  damaged: CellRef[];
}
