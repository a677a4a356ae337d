import type { Language } from '../../../shared/languages';
import { NIP_PROBLEM_MESSAGES } from '../../../shared/nip';
import type { PreviewReason } from './preview';
import type { NotATableReason } from './table';

/**
 * Sentences for the import's codes, in both UI languages: why a preview row is invalid or a
 * duplicate, why a file is not a table, and that no header row was found.
 */

type ImportMessageCode = PreviewReason | `notATable.${NotATableReason}` | 'noHeader';

const nip = (lang: Language) => ({
  'nip.length': NIP_PROBLEM_MESSAGES[lang].length,
  'nip.digits': NIP_PROBLEM_MESSAGES[lang].digits,
  'nip.birthDate': NIP_PROBLEM_MESSAGES[lang].birthDate,
  'nip.appointment': NIP_PROBLEM_MESSAGES[lang].appointment,
  'nip.gender': NIP_PROBLEM_MESSAGES[lang].gender,
  'nip.sequence': NIP_PROBLEM_MESSAGES[lang].sequence,
});

export const IMPORT_MESSAGES: Record<Language, Record<ImportMessageCode, string>> = {
  id: {
    'name.required': 'Nama kosong.',
    ...nip('id'),
    'nip.excelDamaged':
      'NIP rusak oleh Excel: disimpan sebagai angka, sehingga angka setelah digit ke-15 menjadi 0. Ketik ulang NIP, atau format kolom NIP sebagai Teks lalu isi ulang.',
    'gender.invalid': 'Jenis kelamin harus L atau P (Laki-laki/Perempuan).',
    'email.invalid': 'Alamat e-mail tidak valid.',
    'role.invalid': 'Peran tidak dikenal: gunakan Peserta, Narasumber, Panitia atau Pimpinan.',
    'duplicate.nipExisting': 'Sudah terdaftar: NIP sama dengan peserta yang ada.',
    'duplicate.nipInFile': 'Ganda di berkas ini: NIP sama dengan baris sebelumnya.',
    'duplicate.nameExisting': 'Sudah terdaftar: nama dan instansi sama dengan peserta yang ada.',
    'duplicate.nameInFile': 'Ganda di berkas ini: nama dan instansi sama dengan baris sebelumnya.',
    'notATable.empty': 'Berkas kosong.',
    'notATable.binary': 'Berkas bukan tabel (misalnya gambar atau PDF). Pilih berkas .xlsx atau .csv.',
    'notATable.oldExcel':
      'Berkas Excel 97–2003 (.xls) atau Excel yang dikunci sandi tidak dapat dibaca. Simpan ulang sebagai .xlsx tanpa sandi atau sebagai CSV.',
    'notATable.unreadableWorkbook': 'Berkas Excel rusak atau bukan buku kerja Excel (.xlsx).',
    'notATable.noCells': 'Berkas tidak berisi satu sel pun yang terisi.',
    noHeader:
      'Baris judul kolom tidak ditemukan. Pastikan ada baris dengan judul seperti "Nama", "NIP", "Jabatan", "Instansi/OPD".',
  },
  en: {
    'name.required': 'The name is empty.',
    ...nip('en'),
    'nip.excelDamaged':
      'The NIP was damaged by Excel: stored as a number, every digit after the 15th became 0. Type the NIP again, or format the NIP column as Text and fill it in again.',
    'gender.invalid': 'Gender must be L or P (male/female).',
    'email.invalid': 'The e-mail address is not valid.',
    'role.invalid':
      'Unknown role: use Peserta (participant), Narasumber (speaker), Panitia (committee) or Pimpinan (chair).',
    'duplicate.nipExisting': 'Already registered: same NIP as an existing participant.',
    'duplicate.nipInFile': 'Duplicate in this file: same NIP as an earlier row.',
    'duplicate.nameExisting': 'Already registered: same name and agency as an existing participant.',
    'duplicate.nameInFile': 'Duplicate in this file: same name and agency as an earlier row.',
    'notATable.empty': 'The file is empty.',
    'notATable.binary': 'The file is not a table (an image or a PDF, for example). Choose an .xlsx or .csv file.',
    'notATable.oldExcel':
      'Excel 97–2003 (.xls) files and password-protected workbooks cannot be read. Save it again as .xlsx without a password, or as CSV.',
    'notATable.unreadableWorkbook': 'The Excel file is damaged or is not an Excel workbook (.xlsx).',
    'notATable.noCells': 'The file has not a single filled cell.',
    noHeader:
      'No row of column names was found. Make sure one row has column names such as "Nama", "NIP", "Jabatan", "Instansi/OPD".',
  },
};

/** The sentence for an import code in a language; an unknown code is returned as it is. */
export function importMessage(lang: Language, code: string): string {
  return (IMPORT_MESSAGES[lang] as Record<string, string>)[code] ?? code;
}
