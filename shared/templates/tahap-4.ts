import type { StageTemplate } from '../agenda';

/**
 * Tahap IV: recap of the programme, chapter-by-chapter review of the Masterplan, the final quick
 * wins and the commitment sheet signed by the OPD heads and the head of region.
 * Day 1 08:00–16:00, day 2 08:00–15:30.
 */
export const tahap4: StageTemplate = {
  id: 'tahap-4',
  title: {
    id: 'Bimtek Tahap IV: Finalisasi Masterplan, Quick Win dan Komitmen',
    en: 'Bimtek Stage IV: Finalising the Masterplan, Quick Wins and Commitment',
  },
  summary: {
    id: 'Review tindak lanjut Tahap III, rekap Tahap I–III, review Masterplan bab per bab, penetapan quick win final dan penandatanganan lembar komitmen oleh kepala OPD dan kepala daerah.',
    en: 'Review of Stage III follow-up, recap of Stages I–III, chapter-by-chapter Masterplan review, the final quick wins and the commitment sheet signed by agency heads and the head of region.',
  },
  days: [
    {
      startTime: '08:00',
      endTime: '16:00',
      steps: [
        {
          kind: 'registrasi',
          minutes: 30,
          title: { id: 'Registrasi peserta', en: 'Participant registration' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Panitia membuka meja registrasi; peserta mengisi daftar hadir dengan NIP, jabatan dan OPD lalu menandatanganinya. Pastikan kepala OPD hadir sendiri, karena besok ada penandatanganan komitmen. Pastikan laptop tersambung ke proyektor.',
            en: 'The committee opens the registration desk; participants fill in the attendance list with their NIP, position and agency and sign it. Make sure agency heads attend in person, because the commitment is signed tomorrow. Check that the laptop is on the projector.',
          },
          project: { id: 'Judul acara dan hitung mundur', en: 'Event title and countdown' },
        },
        {
          kind: 'pembukaan',
          minutes: 10,
          title: { id: 'Pembukaan: Indonesia Raya dan doa', en: 'Opening: national anthem and prayer' },
          presenter: { id: 'Pembawa acara', en: 'Master of ceremonies' },
          script: {
            id: 'Pembawa acara menyapa Bapak/Ibu, membacakan susunan acara dua hari dan mengajak hadirin menyanyikan Indonesia Raya. Doa dipimpin oleh perwakilan peserta. Sampaikan bahwa ini tahap terakhir Bimtek.',
            en: 'The MC welcomes everyone, reads the two-day agenda and asks the room to sing Indonesia Raya. A participant leads the prayer. Mention that this is the final Bimtek stage.',
          },
          project: { id: 'Susunan acara hari ini', en: "Today's agenda" },
        },
        {
          kind: 'sambutan',
          minutes: 20,
          title: {
            id: 'Sambutan dan pembukaan resmi oleh Wali Kota / Bupati',
            en: 'Welcome address and official opening by the Mayor / Regent',
          },
          presenter: { id: 'Wali Kota / Bupati atau Sekretaris Daerah', en: 'Mayor / Regent or Regional Secretary' },
          script: {
            id: 'Kepala daerah menyampaikan apresiasi atas kerja OPD selama tiga tahap dan menegaskan bahwa Masterplan akan menjadi acuan perencanaan sepuluh tahun ke depan. Beliau membuka acara secara resmi. Catat arahan pokok beliau untuk notula.',
            en: "The head of region thanks the agencies for their work over three stages and affirms that the Masterplan will guide the region's planning for the next ten years. They open the event officially. Note the key directions for the minutes.",
          },
          project: { id: 'Judul acara dan logo daerah', en: 'Event title and regional emblem' },
        },
        {
          kind: 'review-tindak-lanjut',
          minutes: 40,
          title: { id: 'Review tindak lanjut Tahap III', en: 'Review of Stage III follow-up' },
          presenter: { id: 'Narasumber Kominfo dan Diskominfo', en: 'Kominfo mentor and Diskominfo' },
          script: {
            id: 'Kita periksa daftar tindak lanjut Tahap III: Perwali/Perbup smart city, SK Dewan dan Tim Pelaksana, SOP dan penganggaran quick win. Setiap OPD penanggung jawab menunjukkan dokumen yang sudah ditandatangani atau drafnya. Yang belum selesai diberi tenggat baru dan dicatat di notula.',
            en: 'We check the Stage III follow-up list: the smart-city mayoral or regent regulation, the Council and Implementation Team decrees, SOPs and quick-win budgets. Each responsible agency shows the signed document or its draft. Anything unfinished gets a new deadline and goes into the minutes.',
          },
          project: { id: 'Daftar tindak lanjut Tahap III dan statusnya', en: 'Stage III follow-up list and status' },
        },
        {
          kind: 'paparan',
          minutes: 50,
          title: { id: 'Paparan: Rekap perjalanan Tahap I–III', en: 'Talk: Recap of Stages I–III' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Bapak/Ibu, kita lihat kembali perjalanan dari analisis kesiapan dan SWOT di Tahap I, peta program di Tahap II, hingga strategi, roadmap dan quick win di Tahap III. Saya tunjukkan apa yang sudah lengkap dan apa yang masih kurang di Buku 1 dan Masterplan. Hari ini kita menutup kekurangan itu.',
            en: 'Let us look back over the journey: the readiness analysis and SWOT in Stage I, the programme map in Stage II, and the strategy, roadmap and quick wins in Stage III. I will show what is complete and what is still missing in Book 1 and the Masterplan. Today we close those gaps.',
          },
          project: { id: 'Slide rekap Tahap I–III', en: 'Stages I–III recap slides' },
        },
        {
          kind: 'istirahat',
          minutes: 15,
          title: { id: 'Rehat kopi', en: 'Coffee break' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Umumkan rehat kopi lima belas menit dan jam kembali ke ruangan. Minta peserta yang datang terlambat untuk mengisi daftar hadir.',
            en: 'Announce a fifteen-minute coffee break and the time to be back. Ask late arrivals to sign the attendance list.',
          },
          project: { id: 'Hitung mundur rehat', en: 'Break countdown' },
        },
        {
          kind: 'paparan',
          minutes: 75,
          title: { id: 'Paparan: Review Masterplan bab per bab', en: 'Talk: Chapter-by-chapter Masterplan review' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Saya tampilkan Masterplan bab demi bab: pendahuluan, analisis strategis, visi-misi, arah pengembangan, strategi per dimensi, rencana aksi dan roadmap, serta quick win. Untuk setiap bab saya sebutkan catatan perbaikan dan OPD yang datanya masih ditunggu. Bapak/Ibu silakan menyela bila ada data yang keliru.',
            en: 'I show the Masterplan chapter by chapter: introduction, strategic analysis, vision and mission, development direction, strategy per dimension, action plan and roadmap, and quick wins. For each chapter I name the corrections needed and the agencies whose data is still awaited. Please interrupt if any figure is wrong.',
          },
          project: { id: 'Draf Masterplan per bab', en: 'Draft Masterplan, chapter by chapter' },
        },
        {
          kind: 'istirahat',
          minutes: 60,
          title: { id: 'ISHOMA', en: 'Lunch and prayer break (ISHOMA)' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Istirahat, sholat dan makan siang selama satu jam. Bacakan pembagian enam kelompok per dimensi untuk review bab di sesi siang.',
            en: 'One hour for lunch and prayers. Read out the six dimension groups for the afternoon chapter review.',
          },
          project: { id: 'Hitung mundur ISHOMA dan pembagian kelompok', en: 'Lunch countdown and group list' },
        },
        {
          kind: 'diskusi-kelompok',
          minutes: 105,
          title: {
            id: 'Diskusi kelompok: review bab Masterplan per dimensi',
            en: 'Group work: Masterplan chapter review per dimension',
          },
          presenter: { id: 'Fasilitator dan seluruh peserta', en: 'Facilitators and all participants' },
          script: {
            id: 'Enam kelompok: Smart Governance, Smart Branding, Smart Economy, Smart Living, Smart Society dan Smart Environment. Baca bagian Masterplan untuk dimensi Bapak/Ibu dan catat koreksi: data, nama program, OPD, tahun dan anggaran. Setiap koreksi ditulis lengkap dengan halaman dan usulan perbaikannya.',
            en: 'Six groups: Smart Governance, Smart Branding, Smart Economy, Smart Living, Smart Society and Smart Environment. Read the Masterplan sections for your dimension and note corrections: data, programme names, agencies, years and budgets. Write each correction with its page and the proposed wording.',
          },
          project: { id: 'Catatan koreksi kelompok', en: 'Group correction notes' },
          formId: 'notes',
        },
        {
          kind: 'istirahat',
          minutes: 15,
          title: { id: 'Rehat kopi', en: 'Coffee break' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Rehat kopi singkat. Perekam kelompok merapikan catatan koreksi agar siap dipresentasikan.',
            en: 'Short coffee break. Group rapporteurs tidy their correction notes so they are ready to present.',
          },
          project: { id: 'Hitung mundur rehat', en: 'Break countdown' },
        },
        {
          kind: 'pleno',
          minutes: 45,
          title: { id: 'Pleno: koreksi Masterplan per dimensi', en: 'Plenary: Masterplan corrections per dimension' },
          presenter: { id: 'Moderator: Diskominfo', en: 'Moderator: Diskominfo' },
          script: {
            id: 'Enam kelompok menyampaikan koreksinya masing-masing enam menit. Saya memutuskan bersama forum koreksi mana yang diterima. Notulis mencatat setiap koreksi yang disepakati beserta OPD yang menyerahkan datanya.',
            en: 'Six groups present their corrections for six minutes each. Together with the room I decide which corrections are accepted. The note-taker records every agreed correction and the agency supplying the data.',
          },
          project: { id: 'Catatan koreksi kelompok yang presentasi', en: "Presenting group's correction notes" },
        },
        {
          kind: 'penutup',
          minutes: 15,
          title: { id: 'Rangkuman dan penutupan hari pertama', en: 'Summary and close of day one' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Saya rangkum koreksi yang disepakati dan tenggat penyerahan data. Besok kita menetapkan quick win final dan menandatangani komitmen bersama; mohon kepala OPD hadir pukul 08.00.',
            en: 'I summarise the agreed corrections and the data deadlines. Tomorrow we settle the final quick wins and sign the joint commitment; agency heads please be here at 08.00.',
          },
          project: { id: 'Rangkuman hari ini dan agenda besok', en: "Today's summary and tomorrow's agenda" },
        },
      ],
    },
    {
      startTime: '08:00',
      endTime: '15:30',
      steps: [
        {
          kind: 'registrasi',
          minutes: 15,
          title: { id: 'Registrasi peserta hari kedua', en: 'Day two registration' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Peserta menandatangani daftar hadir hari kedua. Panitia memeriksa kehadiran setiap kepala OPD yang akan menandatangani lembar komitmen.',
            en: 'Participants sign the day-two attendance list. The committee checks that every agency head due to sign the commitment sheet is present.',
          },
          project: { id: 'Pembagian kelompok per dimensi', en: 'Groups by dimension' },
        },
        {
          kind: 'pembukaan',
          minutes: 15,
          title: { id: 'Pembukaan hari kedua dan rekap hari pertama', en: 'Opening of day two and recap of day one' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Selamat pagi Bapak/Ibu. Saya ulas kembali koreksi Masterplan yang kemarin disepakati. Hari ini kita menetapkan quick win final dan menutup Bimtek dengan penandatanganan komitmen.',
            en: "Good morning. I go back over yesterday's agreed Masterplan corrections. Today we settle the final quick wins and close the Bimtek by signing the commitment.",
          },
          project: { id: 'Agenda hari ini', en: "Today's agenda" },
        },
        {
          kind: 'paparan',
          minutes: 30,
          title: { id: 'Paparan: Finalisasi quick win', en: 'Talk: Finalising the quick wins' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Quick win final harus bisa dirasakan warga dalam enam sampai dua belas bulan dan mempertajam layanan yang sudah ada. Setiap quick win dipresentasikan kepala daerah dengan visual dan angka: kondisi sekarang, target, biaya dan OPD pelaksana. Kita nilai ulang dengan kriteria dampak, kelayakan, biaya dan inovasi.',
            en: 'A final quick win must be felt by citizens within six to twelve months and sharpen an existing service. The head of region presents each one with visuals and figures: current state, target, cost and delivering agency. We score them again on impact, feasibility, cost and innovation.',
          },
          project: {
            id: 'Slide kriteria quick win dan contoh presentasi',
            en: 'Quick-win criteria and sample presentation',
          },
        },
        {
          kind: 'diskusi-kelompok',
          minutes: 90,
          title: {
            id: 'Diskusi kelompok: quick win final per dimensi',
            en: 'Group work: final quick win per dimension',
          },
          presenter: { id: 'Fasilitator dan seluruh peserta', en: 'Facilitators and all participants' },
          script: {
            id: 'Setiap kelompok dimensi menyempurnakan quick win yang dipilih di Tahap III: nama program, layanan yang dipertajam, target terukur, jadwal, anggaran dan OPD pelaksana. Siapkan satu slide dengan angka yang mudah dibaca kepala daerah. Saya berkeliling dan mengingatkan lima belas menit sebelum selesai.',
            en: 'Each dimension group finalises the quick win chosen in Stage III: programme name, service sharpened, measurable target, schedule, budget and delivering agency. Prepare one slide with figures the head of region can read at a glance. I will go round and give a fifteen-minute warning.',
          },
          project: { id: 'Lembar usulan quick win kelompok', en: 'Group quick-win proposal sheet' },
          formId: 'quick-win-proposal',
        },
        {
          kind: 'istirahat',
          minutes: 15,
          title: { id: 'Rehat kopi', en: 'Coffee break' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Rehat kopi lima belas menit. Kelompok menyimpan lembar quick win sebelum rehat.',
            en: 'Fifteen-minute coffee break. Groups save their quick-win sheet before the break.',
          },
          project: { id: 'Hitung mundur rehat', en: 'Break countdown' },
        },
        {
          kind: 'pleno',
          minutes: 75,
          title: {
            id: 'Pleno: presentasi quick win per dimensi',
            en: 'Plenary: quick-win presentations per dimension',
          },
          presenter: { id: 'Moderator: Diskominfo', en: 'Moderator: Diskominfo' },
          script: {
            id: 'Enam kelompok presentasi masing-masing sepuluh menit, mulai dari Smart Governance sampai Smart Environment. Saya dan forum memberi skor pada setiap quick win. Notulis mencatat skor dan masukan.',
            en: 'Six groups present for ten minutes each, from Smart Governance to Smart Environment. The room and I score each quick win. The note-taker records the scores and feedback.',
          },
          project: { id: 'Slide quick win kelompok yang presentasi', en: "Presenting group's quick-win slide" },
        },
        {
          kind: 'istirahat',
          minutes: 60,
          title: { id: 'ISHOMA', en: 'Lunch and prayer break (ISHOMA)' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Istirahat, sholat dan makan siang selama satu jam. Panitia menyiapkan lembar komitmen dan meja penandatanganan selama ISHOMA.',
            en: 'One hour for lunch and prayers. The committee sets out the commitment sheet and the signing table during the break.',
          },
          project: { id: 'Hitung mundur ISHOMA', en: 'Lunch countdown' },
        },
        {
          kind: 'pleno',
          minutes: 45,
          title: { id: 'Pleno: penetapan quick win final', en: 'Plenary: settling the final quick wins' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Kita tampilkan skor semua quick win dan menetapkan quick win final, misalnya tiga atau satu per dimensi. Forum menyepakati OPD pelaksana dan target waktunya. Daftar final ini masuk ke lembar komitmen.',
            en: 'We show the scores of all quick wins and settle the final ones, for example three or one per dimension. The room agrees the delivering agency and the target date for each. This final list goes onto the commitment sheet.',
          },
          project: { id: 'Tabel skor dan quick win final', en: 'Score table and final quick wins' },
        },
        {
          kind: 'paparan',
          minutes: 30,
          title: { id: 'Paparan: Langkah setelah Bimtek', en: 'Talk: Steps after the Bimtek' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Setelah Bimtek, Masterplan ditetapkan dengan Perwali/Perbup, Dewan dan Tim Pelaksana Smart City bekerja dengan SK, dan quick win masuk anggaran. Notula dan daftar hadir Bimtek ini disimpan sebagai bukti koordinasi untuk penilaian level. Saya jelaskan pendampingan dan evaluasi dari Kominfo.',
            en: "After the Bimtek the Masterplan is enacted by a mayoral or regent regulation, the Smart City Council and Implementation Team work under decrees, and the quick wins go into the budget. The minutes and attendance lists of this Bimtek are kept as evidence of coordination for the level assessment. I will explain Kominfo's follow-up support and evaluation.",
          },
          project: { id: 'Slide langkah setelah Bimtek', en: 'Next-steps slides' },
        },
        {
          kind: 'sambutan',
          minutes: 20,
          title: { id: 'Arahan Wali Kota / Bupati', en: 'Address by the Mayor / Regent' },
          presenter: { id: 'Wali Kota / Bupati atau Sekretaris Daerah', en: 'Mayor / Regent or Regional Secretary' },
          script: {
            id: 'Kepala daerah menanggapi quick win final dan menegaskan dukungan anggaran serta regulasinya. Beliau meminta setiap kepala OPD menjalankan Masterplan secara terintegrasi. Catat arahan pokok beliau untuk notula.',
            en: 'The head of region responds to the final quick wins and commits budget and regulatory support. They ask every agency head to carry out the Masterplan in an integrated way. Note the key directions for the minutes.',
          },
          project: { id: 'Quick win final', en: 'Final quick wins' },
        },
        {
          kind: 'penandatanganan-komitmen',
          minutes: 40,
          title: { id: 'Penandatanganan komitmen bersama', en: 'Signing of the joint commitment' },
          presenter: { id: 'Kepala daerah dan kepala OPD', en: 'Head of region and agency heads' },
          script: {
            id: 'Pembawa acara memanggil kepala OPD satu per satu ke meja penandatanganan sesuai urutan di lembar komitmen. Terakhir, Wali Kota / Bupati menandatangani lembar komitmen. Panitia mendokumentasikan setiap penandatanganan untuk lampiran notula.',
            en: 'The MC calls the agency heads one by one to the signing table in the order of the commitment sheet. Finally the Mayor / Regent signs the sheet. The committee photographs each signing for the annex to the minutes.',
          },
          project: { id: 'Lembar komitmen dan daftar penanda tangan', en: 'Commitment sheet and list of signatories' },
          formId: 'commitment',
        },
        {
          kind: 'penutup',
          minutes: 15,
          title: { id: 'Kesimpulan, tindak lanjut dan penutupan', en: 'Conclusions, follow-up and closing' },
          presenter: { id: 'Narasumber Kominfo dan Diskominfo', en: 'Kominfo mentor and Diskominfo' },
          script: {
            id: 'Saya bacakan kesimpulan Tahap IV dan daftar tindak lanjut dengan OPD penanggung jawab dan tenggatnya, terutama penetapan Perwali/Perbup Masterplan dan penganggaran quick win. Terima kasih atas kerja keras Bapak/Ibu selama empat tahap. Acara ditutup dengan foto bersama.',
            en: 'I read the conclusions of Stage IV and the follow-up list with responsible agencies and deadlines, above all enacting the Masterplan regulation and budgeting the quick wins. Thank you for your hard work over four stages. We close with a group photo.',
          },
          project: { id: 'Kesimpulan dan daftar tindak lanjut', en: 'Conclusions and follow-up list' },
        },
      ],
    },
  ],
};
