import type { StageTemplate } from '../agenda';

/**
 * Tahap II: review of Buku 1, mapping the programmes already in the RPJMD and the OPD Renstra to
 * each dimension, a draft action plan over short/medium/long horizons and a shortlist of quick-win
 * candidates. Day 1 08:00–16:00, day 2 08:00–15:30.
 */
export const tahap2: StageTemplate = {
  id: 'tahap-2',
  title: {
    id: 'Bimtek Tahap II: Review Buku 1 dan Pemetaan Program',
    en: 'Bimtek Stage II: Book 1 Review and Programme Mapping',
  },
  summary: {
    id: 'Review tindak lanjut Tahap I dan Buku 1, pemetaan program RPJMD dan Renstra OPD ke setiap dimensi, draf rencana aksi dan daftar pendek kandidat quick win.',
    en: 'Review of Stage I follow-up and Book 1, mapping RPJMD and agency strategic-plan programmes to each dimension, a draft action plan and a shortlist of quick-win candidates.',
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
            id: 'Panitia membuka meja registrasi; peserta mengisi daftar hadir dengan NIP, jabatan dan OPD lalu menandatanganinya. Mohon setiap OPD membawa dokumen Renstra dan daftar program tahun berjalan. Pastikan laptop tersambung ke proyektor.',
            en: "The committee opens the registration desk; participants fill in the attendance list with their NIP, position and agency and sign it. Each agency should bring its strategic plan (Renstra) and this year's programme list. Check that the laptop is on the projector.",
          },
          project: { id: 'Judul acara dan hitung mundur', en: 'Event title and countdown' },
        },
        {
          kind: 'pembukaan',
          minutes: 10,
          title: { id: 'Pembukaan: Indonesia Raya dan doa', en: 'Opening: national anthem and prayer' },
          presenter: { id: 'Pembawa acara', en: 'Master of ceremonies' },
          script: {
            id: 'Pembawa acara menyapa Bapak/Ibu, membacakan susunan acara dua hari dan mengajak hadirin menyanyikan Indonesia Raya. Doa dipimpin oleh perwakilan peserta.',
            en: 'The MC welcomes everyone, reads the two-day agenda and asks the room to sing Indonesia Raya. A participant leads the prayer.',
          },
          project: { id: 'Susunan acara hari ini', en: "Today's agenda" },
        },
        {
          kind: 'sambutan',
          minutes: 20,
          title: {
            id: 'Sambutan dan pembukaan resmi oleh Sekretaris Daerah',
            en: 'Welcome address and official opening by the Regional Secretary',
          },
          presenter: { id: 'Wali Kota / Bupati atau Sekretaris Daerah', en: 'Mayor / Regent or Regional Secretary' },
          script: {
            id: 'Sekretaris Daerah menegaskan bahwa program smart city harus masuk dalam dokumen perencanaan daerah, bukan berjalan sendiri-sendiri. Beliau meminta Bappeda dan setiap OPD membuka data programnya. Catat arahan pokok untuk notula.',
            en: "The Regional Secretary stresses that smart-city programmes must sit in the region's planning documents, not run on their own. They ask Bappeda and every agency to open up their programme data. Note the key directions for the minutes.",
          },
          project: { id: 'Judul acara dan logo daerah', en: 'Event title and regional emblem' },
        },
        {
          kind: 'review-tindak-lanjut',
          minutes: 40,
          title: { id: 'Review tindak lanjut Tahap I', en: 'Review of Stage I follow-up' },
          presenter: { id: 'Narasumber Kominfo dan Diskominfo', en: 'Kominfo mentor and Diskominfo' },
          script: {
            id: 'Kita buka daftar tindak lanjut Tahap I satu per satu: apa, OPD penanggung jawab, tenggat dan statusnya. Mohon OPD menyampaikan bukti, misalnya draf SK Dewan Smart City atau data kesiapan yang sudah dilengkapi. Butir yang belum selesai kita beri tenggat baru dan dicatat.',
            en: 'We go through the Stage I follow-up list item by item: what, responsible agency, deadline and status. Agencies please show evidence, such as the draft Smart City Council decree or the completed readiness data. Unfinished items get a new deadline and are recorded.',
          },
          project: { id: 'Daftar tindak lanjut Tahap I dan statusnya', en: 'Stage I follow-up list and status' },
        },
        {
          kind: 'paparan',
          minutes: 50,
          title: {
            id: 'Paparan: Review Buku 1 (analisis strategis)',
            en: 'Talk: Review of Book 1 (strategic analysis)',
          },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Bapak/Ibu, ini draf Buku 1 yang disusun dari hasil Tahap I: analisis kesiapan, SWOT per dimensi, isu daerah dan draf visi-misi. Saya tunjukkan bagian yang masih lemah, terutama data yang belum lengkap. Mohon setiap OPD mencatat koreksi untuk dimensinya dan menyerahkannya ke Diskominfo.',
            en: 'Here is the draft of Book 1 built from Stage I: readiness analysis, SWOT per dimension, regional issues and the draft vision and mission. I will point out the weak parts, above all missing data. Each agency please note corrections for its dimension and send them to Diskominfo.',
          },
          project: { id: 'Draf Buku 1 per bab', en: 'Draft Book 1, chapter by chapter' },
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
          minutes: 45,
          title: {
            id: 'Paparan: Menyelaraskan smart city dengan RPJMD dan Renstra OPD',
            en: 'Talk: Aligning the smart city with the RPJMD and agency strategic plans',
          },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Program smart city yang baik biasanya sudah ada di RPJMD atau Renstra OPD; tugas kita memetakannya ke dimensi dan misi, lalu melihat celahnya. Saya tunjukkan cara mengisi peta program: nama program, OPD, sumber dokumen, dimensi, elemen dan misi yang didukung. Program yang tidak punya dasar dokumen ditandai sebagai usulan baru.',
            en: 'Good smart-city programmes are usually already in the RPJMD or an agency Renstra; our job is to map them to dimensions and missions and see what is missing. I will show how to fill in the programme map: programme, agency, source document, dimension, element and mission served. Programmes with no planning document behind them are marked as new proposals.',
          },
          project: { id: 'Contoh peta program', en: 'Sample programme map' },
        },
        {
          kind: 'tanya-jawab',
          minutes: 30,
          title: { id: 'Tanya jawab', en: 'Questions and answers' },
          presenter: { id: 'Moderator: Diskominfo', en: 'Moderator: Diskominfo' },
          script: {
            id: 'Moderator membuka sesi tanya jawab dalam dua termin. Mohon Bapak/Ibu menyebut nama dan OPD sebelum bertanya. Notulis mencatat setiap pertanyaan dan jawaban narasumber.',
            en: 'The moderator takes questions in two rounds. Please give your name and agency before asking. The note-taker records each question and the mentor’s answer.',
          },
          project: { id: 'Slide "Tanya jawab"', en: '"Questions" slide' },
        },
        {
          kind: 'istirahat',
          minutes: 60,
          title: { id: 'ISHOMA', en: 'Lunch and prayer break (ISHOMA)' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Istirahat, sholat dan makan siang selama satu jam. Bacakan pembagian enam kelompok per dimensi untuk sesi siang.',
            en: 'One hour for lunch and prayers. Read out the six dimension groups for the afternoon session.',
          },
          project: { id: 'Hitung mundur ISHOMA dan pembagian kelompok', en: 'Lunch countdown and group list' },
        },
        {
          kind: 'diskusi-kelompok',
          minutes: 105,
          title: {
            id: 'Diskusi kelompok: pemetaan program RPJMD dan Renstra per dimensi',
            en: 'Group work: mapping RPJMD and Renstra programmes per dimension',
          },
          presenter: { id: 'Fasilitator dan seluruh peserta', en: 'Facilitators and all participants' },
          script: {
            id: 'Enam kelompok sesuai dimensi: Smart Governance, Smart Branding, Smart Economy, Smart Living, Smart Society dan Smart Environment. Buka RPJMD dan Renstra OPD, lalu masukkan setiap program yang relevan ke peta program beserta elemen dan misinya. Tandai elemen yang belum punya program sama sekali. Saya berkeliling dan mengingatkan lima belas menit sebelum selesai.',
            en: 'Six groups by dimension: Smart Governance, Smart Branding, Smart Economy, Smart Living, Smart Society and Smart Environment. Open the RPJMD and agency Renstra and enter every relevant programme in the map with its element and mission. Flag elements that have no programme at all. I will go round and give a fifteen-minute warning.',
          },
          project: { id: 'Peta program kelompok', en: 'Group programme map' },
          formId: 'programme-map',
        },
        {
          kind: 'istirahat',
          minutes: 15,
          title: { id: 'Rehat kopi', en: 'Coffee break' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Rehat kopi singkat. Perekam kelompok merapikan peta program agar siap dipresentasikan.',
            en: 'Short coffee break. Group rapporteurs tidy their programme map so it is ready to present.',
          },
          project: { id: 'Hitung mundur rehat', en: 'Break countdown' },
        },
        {
          kind: 'pleno',
          minutes: 45,
          title: { id: 'Pleno: peta program per dimensi', en: 'Plenary: programme map per dimension' },
          presenter: { id: 'Moderator: Diskominfo', en: 'Moderator: Diskominfo' },
          script: {
            id: 'Enam kelompok presentasi masing-masing enam menit. Saya menanggapi program yang tumpang tindih antar-OPD dan elemen yang masih kosong. Notulis mencatat program yang perlu diintegrasikan.',
            en: 'Six groups present for six minutes each. I comment on programmes that overlap between agencies and on elements still left empty. The note-taker records programmes that need to be integrated.',
          },
          project: { id: 'Peta program kelompok yang presentasi', en: "Presenting group's programme map" },
        },
        {
          kind: 'penutup',
          minutes: 15,
          title: { id: 'Rangkuman dan penutupan hari pertama', en: 'Summary and close of day one' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Saya rangkum hasil pemetaan hari ini dan celah program per dimensi. Besok kita menyusun rencana aksi dan memilih kandidat quick win; mohon kelompok tetap sama dan hadir pukul 08.00.',
            en: 'I summarise today’s mapping and the programme gaps per dimension. Tomorrow we draft the action plan and pick quick-win candidates; please keep the same groups and be here at 08.00.',
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
            id: 'Peserta menandatangani daftar hadir hari kedua dan duduk di meja kelompok dimensinya.',
            en: 'Participants sign the day-two attendance list and sit at their dimension table.',
          },
          project: { id: 'Pembagian kelompok per dimensi', en: 'Groups by dimension' },
        },
        {
          kind: 'pembukaan',
          minutes: 15,
          title: { id: 'Pembukaan hari kedua dan rekap hari pertama', en: 'Opening of day two and recap of day one' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Selamat pagi Bapak/Ibu. Saya ulas kembali peta program kemarin dan celah yang ditemukan. Hari ini kita menyusun draf rencana aksi dan memilih kandidat quick win per dimensi.',
            en: "Good morning. I go back over yesterday's programme map and the gaps we found. Today we draft the action plan and pick quick-win candidates per dimension.",
          },
          project: { id: 'Agenda hari ini', en: "Today's agenda" },
        },
        {
          kind: 'paparan',
          minutes: 30,
          title: {
            id: 'Paparan: Menyusun rencana aksi jangka pendek, menengah dan panjang',
            en: 'Talk: Drafting short, medium and long-term action plans',
          },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Rencana aksi menjawab apa yang dikerjakan, oleh OPD mana, kapan dan dengan anggaran apa. Jangka pendek berarti tahun depan, menengah dua sampai lima tahun, panjang enam sampai sepuluh tahun. Jangan lupa aksi non-TIK seperti Perwali, SOP dan SK tim, karena itu yang membuktikan program berjalan.',
            en: 'An action plan says what is done, by which agency, when and with what budget. Short term means next year, medium two to five years, long six to ten years. Do not forget non-IT actions such as mayoral regulations, SOPs and team decrees, because they are what prove a programme is running.',
          },
          project: { id: 'Contoh lembar rencana aksi', en: 'Sample action-plan sheet' },
        },
        {
          kind: 'diskusi-kelompok',
          minutes: 105,
          title: {
            id: 'Diskusi kelompok: draf rencana aksi per dimensi',
            en: 'Group work: draft action plan per dimension',
          },
          presenter: { id: 'Fasilitator dan seluruh peserta', en: 'Facilitators and all participants' },
          script: {
            id: 'Dari peta program kemarin, setiap kelompok menyusun rencana aksi untuk dimensinya: kegiatan, OPD penanggung jawab, horizon waktu, indikator dan perkiraan sumber anggaran. Isi celah elemen yang kemarin masih kosong dengan usulan program baru. Saya berkeliling dan mengingatkan lima belas menit sebelum selesai.',
            en: "From yesterday's programme map, each group drafts the action plan for its dimension: activity, responsible agency, time horizon, indicator and likely budget source. Fill the elements left empty yesterday with new programme proposals. I will go round and give a fifteen-minute warning.",
          },
          project: { id: 'Lembar rencana aksi kelompok', en: 'Group action-plan sheet' },
          formId: 'action-plan',
        },
        {
          kind: 'istirahat',
          minutes: 15,
          title: { id: 'Rehat kopi', en: 'Coffee break' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Rehat kopi lima belas menit. Kelompok menyimpan hasil rencana aksi sebelum rehat.',
            en: 'Fifteen-minute coffee break. Groups save their action plan before the break.',
          },
          project: { id: 'Hitung mundur rehat', en: 'Break countdown' },
        },
        {
          kind: 'paparan',
          minutes: 20,
          title: { id: 'Paparan: Kriteria quick win', en: 'Talk: Quick-win criteria' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Quick win adalah program percepatan yang langsung dirasakan warga dan selesai dalam enam sampai dua belas bulan. Ia mempertajam layanan yang sudah ada, bukan membangun infrastruktur baru. Kita menilainya dari dampak, kelayakan, biaya dan inovasi.',
            en: 'A quick win is an accelerated programme citizens feel directly, delivered within six to twelve months. It sharpens an existing service rather than building new infrastructure. We judge it on impact, feasibility, cost and innovation.',
          },
          project: { id: 'Slide kriteria quick win', en: 'Quick-win criteria slide' },
        },
        {
          kind: 'diskusi-kelompok',
          minutes: 40,
          title: { id: 'Diskusi kelompok: kandidat quick win', en: 'Group work: quick-win candidates' },
          presenter: { id: 'Fasilitator dan seluruh peserta', en: 'Facilitators and all participants' },
          script: {
            id: 'Setiap kelompok memilih dua kandidat quick win dari rencana aksinya. Tuliskan layanan yang dipertajam, manfaat bagi warga, OPD pelaksana, target enam sampai dua belas bulan dan perkiraan biaya. Beri skor dampak, kelayakan, biaya dan inovasi.',
            en: 'Each group picks two quick-win candidates from its action plan. Write the service being sharpened, the benefit to citizens, the delivering agency, the six-to-twelve-month target and a cost estimate. Score impact, feasibility, cost and innovation.',
          },
          project: { id: 'Lembar usulan quick win kelompok', en: 'Group quick-win proposal sheet' },
          formId: 'quick-win-proposal',
        },
        {
          kind: 'istirahat',
          minutes: 60,
          title: { id: 'ISHOMA', en: 'Lunch and prayer break (ISHOMA)' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Istirahat, sholat dan makan siang selama satu jam. Sampaikan urutan presentasi kelompok setelah ISHOMA.',
            en: 'One hour for lunch and prayers. Announce the order of group presentations after the break.',
          },
          project: { id: 'Hitung mundur ISHOMA dan urutan presentasi', en: 'Lunch countdown and presentation order' },
        },
        {
          kind: 'pleno',
          minutes: 90,
          title: {
            id: 'Pleno: rencana aksi dan kandidat quick win per dimensi',
            en: 'Plenary: action plan and quick-win candidates per dimension',
          },
          presenter: { id: 'Moderator: Diskominfo', en: 'Moderator: Diskominfo' },
          script: {
            id: 'Enam kelompok presentasi masing-masing sepuluh menit, disusul tanggapan. Saya memeriksa apakah setiap aksi punya OPD dan tenggat yang jelas, dan apakah kandidat quick win realistis dalam setahun. Notulis mencatat masukan per kelompok.',
            en: 'Six groups present for ten minutes each, followed by responses. I check that every action has a clear agency and deadline and that each quick-win candidate is realistic within a year. The note-taker records the feedback per group.',
          },
          project: {
            id: 'Rencana aksi dan quick win kelompok yang presentasi',
            en: "Presenting group's action plan and quick wins",
          },
        },
        {
          kind: 'pleno',
          minutes: 30,
          title: { id: 'Pleno: daftar pendek kandidat quick win', en: 'Plenary: quick-win shortlist' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Kita tampilkan semua kandidat quick win dengan skornya dan sepakati daftar pendek, kurang lebih satu per dimensi. Kandidat terpilih akan dimatangkan di Tahap III bersama Masterplan.',
            en: 'We show all quick-win candidates with their scores and agree a shortlist, about one per dimension. The chosen candidates are worked out in Stage III together with the Masterplan.',
          },
          project: { id: 'Tabel skor kandidat quick win', en: 'Quick-win candidate score table' },
        },
        {
          kind: 'penutup',
          minutes: 30,
          title: { id: 'Kesimpulan, tindak lanjut dan penutupan', en: 'Conclusions, follow-up and closing' },
          presenter: { id: 'Narasumber Kominfo dan Diskominfo', en: 'Kominfo mentor and Diskominfo' },
          script: {
            id: 'Saya bacakan kesimpulan Tahap II dan daftar tindak lanjut dengan OPD penanggung jawab dan tenggatnya, misalnya melengkapi peta program, menyerahkan koreksi Buku 1 dan menyiapkan draf Perwali smart city. Tindak lanjut ini yang pertama kita periksa di Tahap III. Terima kasih Bapak/Ibu; acara ditutup oleh Kepala Diskominfo.',
            en: 'I read the conclusions of Stage II and the follow-up list with responsible agencies and deadlines, for example completing the programme map, sending Book 1 corrections and drafting the smart-city mayoral regulation. These are the first thing we check in Stage III. Thank you all; the head of Diskominfo closes the event.',
          },
          project: { id: 'Kesimpulan dan daftar tindak lanjut', en: 'Conclusions and follow-up list' },
        },
      ],
    },
  ],
};
