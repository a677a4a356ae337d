import type { Language } from './languages';
import { NIP_PROBLEMS, nipProblemMessage, type NipProblem } from './nip';

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
      dbNewer: 'Berkas data dibuat oleh versi Bimtek Studio yang lebih baru. Perbarui aplikasi; berkas tidak diubah.',
      dbCorrupt: 'Berkas data rusak atau bukan basis data Bimtek Studio. Berkas tidak diubah dan tidak diganti.',
      dbIo: 'Berkas data tidak dapat dibaca atau ditulis.',
      participantNotFound: 'Peserta tidak ditemukan.',
      forbiddenOrigin: 'Permintaan dari halaman lain ditolak.',
      roomNetworkForbidden:
        'Perangkat di jaringan ruangan hanya dapat dipakai untuk daftar hadir mandiri. Buka menu lain di laptop fasilitator.',
      forbiddenForRole: 'Layar ini tidak dapat melakukan tindakan tersebut. Gunakan jendela fasilitator.',
      untrustedSender: 'Permintaan dari halaman yang tidak dikenal ditolak.',
      duplicateNip: 'NIP ini sudah terdaftar untuk peserta lain.',
      participantMerged: 'Peserta ini sudah digabung dengan peserta lain.',
      notCheckedIn: 'Peserta belum tercatat hadir pada hari ini.',
      dayHasAttendance: 'Hari ini sudah memiliki data kehadiran dan tidak dapat dihapus.',
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
      invalidPhone: 'Nomor HP tidak valid.',
      invalidEmail: 'Alamat e-mail tidak valid.',
      fileTooLarge: 'Berkas terlalu besar.',
      representativeRequired: 'Pilih siapa yang mewakili.',
      fontSizeRange: 'Ukuran huruf harus 9–14 pt.',
      blankRowsRange: 'Jumlah baris kosong harus 0–100.',
      invalidPin: 'PIN harus 4–8 angka.',
      notAnImage: 'Berkas bukan gambar PNG atau JPEG.',
      emptySignature: 'Tanda tangan masih kosong.',
      sameParticipant: 'Tidak dapat memilih orang yang sama.',
      forbiddenForRole: 'Layar ini tidak dapat melakukan tindakan tersebut. Gunakan jendela fasilitator.',
      untrustedSender: 'Permintaan dari halaman yang tidak dikenal ditolak.',
      duplicateNip: 'NIP ini sudah terdaftar untuk peserta lain.',
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
      dbNewer: 'The data file was made by a newer version of Bimtek Studio. Update the app; the file was not changed.',
      dbCorrupt: 'The data file is damaged or is not a Bimtek Studio database. It was not changed or replaced.',
      dbIo: 'The data file cannot be read or written.',
      participantNotFound: 'Participant not found.',
      forbiddenOrigin: 'Requests from other pages are refused.',
      roomNetworkForbidden:
        'Devices on the room network can only be used for self check-in. Use the facilitator’s laptop for everything else.',
      forbiddenForRole: 'This screen cannot do that. Use the facilitator’s window.',
      untrustedSender: 'Requests from an unknown page are refused.',
      duplicateNip: 'This NIP is already registered for someone else.',
      participantMerged: 'This participant was merged into another one.',
      notCheckedIn: 'This participant is not checked in on this day.',
      dayHasAttendance: 'This day already has attendance records and cannot be removed.',
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
      invalidPhone: 'Not a valid phone number.',
      invalidEmail: 'Not a valid e-mail address.',
      fileTooLarge: 'The file is too large.',
      representativeRequired: 'Choose who represents them.',
      fontSizeRange: 'Font size must be 9–14 pt.',
      blankRowsRange: 'Blank rows must be 0–100.',
      invalidPin: 'The PIN must be 4–8 digits.',
      notAnImage: 'The file is not a PNG or JPEG image.',
      emptySignature: 'The signature is still empty.',
      sameParticipant: 'The same person cannot be chosen twice.',
      forbiddenForRole: 'This screen cannot do that. Use the facilitator’s window.',
      untrustedSender: 'Requests from an unknown page are refused.',
      duplicateNip: 'This NIP is already registered for someone else.',
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
  if (code.startsWith('nip.') && (NIP_PROBLEMS as readonly string[]).includes(code.slice(4))) {
    return nipProblemMessage(lang, code.slice(4) as NipProblem);
  }
  const table = MESSAGES[lang].validation as Record<string, string>;
  return table[code] ?? table.invalid;
}
