import type { Language } from './languages';

/**
 * Messages the core and the boundary produce for people, in both UI languages.
 * Validation issue codes (the `code` of a FieldIssue) are keys of `validation`.
 */
export const MESSAGES = {
  id: {
    errors: {
      invalidInput: 'Isian belum benar. Periksa kolom yang ditandai.',
      unknownOperation: 'Permintaan tidak dikenal.',
      engagementNotFound: 'Pendampingan tidak ditemukan.',
      workshopNotFound: 'Bimtek tidak ditemukan.',
      dayNotFound: 'Hari pelaksanaan tidak ditemukan.',
      storeUnavailable: 'Basis data tidak dapat dibuka. Data tidak disimpan.',
      internal: 'Terjadi kesalahan tak terduga. Data yang sudah tersimpan tetap aman.',
      dbNewer:
        'Berkas data dibuat oleh versi Bimtek Studio yang lebih baru. Perbarui aplikasi; berkas tidak diubah.',
      dbCorrupt:
        'Berkas data rusak atau bukan basis data Bimtek Studio. Berkas tidak diubah dan tidak diganti.',
      dbIo: 'Berkas data tidak dapat dibaca atau ditulis.',
    },
    validation: {
      required: 'Wajib diisi.',
      tooLong: 'Terlalu panjang.',
      invalid: 'Isian tidak valid.',
      invalidType: 'Jenis isian tidak sesuai.',
      invalidDate: 'Tanggal tidak valid (format TTTT-BB-HH).',
      invalidTime: 'Jam tidak valid (format JJ:MM).',
      endBeforeStart: 'Jam selesai harus setelah jam mulai.',
      atLeastOneDay: 'Minimal satu hari pelaksanaan.',
      tooMany: 'Terlalu banyak isian.',
      duplicate: 'Ada isian ganda.',
      yearRange: 'Tahun harus antara 2000 dan 2100.',
      customStageRequired: 'Nama tahap wajib diisi untuk tahap lainnya.',
      unknownField: 'Kolom tidak dikenal.',
      invalidNip: 'NIP harus 18 angka.',
      invalidId: 'Pengenal tidak valid.',
    },
  },
  en: {
    errors: {
      invalidInput: 'Some fields are not right yet. Check the marked fields.',
      unknownOperation: 'Unknown request.',
      engagementNotFound: 'Engagement not found.',
      workshopNotFound: 'Workshop not found.',
      dayNotFound: 'Workshop day not found.',
      storeUnavailable: 'The database cannot be opened. Nothing was saved.',
      internal: 'Something unexpected went wrong. Data already saved is safe.',
      dbNewer:
        'The data file was made by a newer version of Bimtek Studio. Update the app; the file was not changed.',
      dbCorrupt:
        'The data file is damaged or is not a Bimtek Studio database. It was not changed or replaced.',
      dbIo: 'The data file cannot be read or written.',
    },
    validation: {
      required: 'Required.',
      tooLong: 'Too long.',
      invalid: 'Not valid.',
      invalidType: 'Wrong kind of value.',
      invalidDate: 'Not a valid date (YYYY-MM-DD).',
      invalidTime: 'Not a valid time (HH:MM).',
      endBeforeStart: 'End time must be after the start time.',
      atLeastOneDay: 'At least one workshop day.',
      tooMany: 'Too many entries.',
      duplicate: 'There is a duplicate entry.',
      yearRange: 'Year must be between 2000 and 2100.',
      customStageRequired: 'A stage name is required for a custom stage.',
      unknownField: 'Unknown field.',
      invalidNip: 'NIP must be 18 digits.',
      invalidId: 'Not a valid identifier.',
    },
  },
} as const;

export type ErrorMessageKey = keyof (typeof MESSAGES)['id']['errors'];
export type ValidationCode = keyof (typeof MESSAGES)['id']['validation'];

/** The sentence for an error key in a language; a key that is not known is returned as it is. */
export function errorMessage(lang: Language, key: string): string {
  const table = MESSAGES[lang].errors as Record<string, string>;
  return table[key] ?? key;
}

/** The sentence for a validation issue code in a language (falls back to the generic one). */
export function validationMessage(lang: Language, code: string): string {
  const table = MESSAGES[lang].validation as Record<string, string>;
  return table[code] ?? table.invalid;
}
