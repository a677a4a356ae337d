import type { StageTemplate } from '../agenda';

/**
 * Tahap III: the Masterplan (Buku 2): development direction, strategy per dimension, action plan,
 * roadmap over short/medium/long horizons and the choice of quick wins per dimension. Modelled on
 * the Kota Kediri Tahap III of 28 August 2019. Day 1 08:00–16:00, day 2 08:00–15:30.
 */
export const tahap3: StageTemplate = {
  id: 'tahap-3',
  title: {
    id: 'Bimtek Tahap III: Penyusunan Masterplan Smart City (Buku 2)',
    en: 'Bimtek Stage III: Drafting the Smart City Masterplan (Book 2)',
  },
  summary: {
    id: 'Review tindak lanjut Tahap II, arah pengembangan dan strategi per dimensi, rencana aksi, roadmap jangka pendek, menengah dan panjang, serta pemilihan quick win per dimensi untuk Masterplan (Buku 2).',
    en: 'Review of Stage II follow-up, development direction and strategy per dimension, action plan, short, medium and long-term roadmap, and the choice of quick wins per dimension for the Masterplan (Book 2).',
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
            id: 'Panitia membuka meja registrasi; peserta mengisi daftar hadir dengan NIP, jabatan dan OPD lalu menandatanganinya. Mohon Bapak/Ibu duduk sesuai kelompok dimensi dari Tahap II. Pastikan laptop tersambung ke proyektor dan hitung mundur berjalan.',
            en: 'The committee opens the registration desk; participants fill in the attendance list with their NIP, position and agency and sign it. Please sit with your Stage II dimension group. Check that the laptop is on the projector and the countdown is running.',
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
            id: 'Sambutan dan pembukaan resmi oleh Wali Kota / Bupati',
            en: 'Welcome address and official opening by the Mayor / Regent',
          },
          presenter: { id: 'Wali Kota / Bupati atau Sekretaris Daerah', en: 'Mayor / Regent or Regional Secretary' },
          script: {
            id: 'Kepala daerah menyampaikan posisi level smart city daerah saat ini dan target level berikutnya. Beliau meminta setiap OPD menuangkan programnya ke dalam Masterplan dan membuka acara secara resmi. Catat arahan pokok beliau untuk notula.',
            en: "The head of region states the region's current smart-city level and the level it aims for next. They ask every agency to put its programmes into the Masterplan and open the event officially. Note the key directions for the minutes.",
          },
          project: { id: 'Judul acara dan logo daerah', en: 'Event title and regional emblem' },
        },
        {
          kind: 'review-tindak-lanjut',
          minutes: 40,
          title: { id: 'Review tindak lanjut Tahap II', en: 'Review of Stage II follow-up' },
          presenter: { id: 'Narasumber Kominfo dan Diskominfo', en: 'Kominfo mentor and Diskominfo' },
          script: {
            id: 'Kita buka daftar tindak lanjut Tahap II: peta program, koreksi Buku 1, draf Perwali dan daftar pendek quick win. Setiap OPD penanggung jawab menyampaikan status dan buktinya. Butir yang tertunda diberi tenggat baru dan dicatat di notula.',
            en: 'We open the Stage II follow-up list: programme map, Book 1 corrections, draft mayoral regulation and the quick-win shortlist. Each responsible agency reports the status and shows the evidence. Items still pending get a new deadline and go into the minutes.',
          },
          project: { id: 'Daftar tindak lanjut Tahap II dan statusnya', en: 'Stage II follow-up list and status' },
        },
        {
          kind: 'paparan',
          minutes: 60,
          title: {
            id: 'Paparan: Sistematika Masterplan (Buku 2) dan arah pengembangan',
            en: 'Talk: Structure of the Masterplan (Book 2) and development direction',
          },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Bapak/Ibu, Masterplan berlaku sepuluh tahun dan berisi arah pengembangan, strategi per dimensi, rencana aksi dan roadmap. Untuk naik level, daerah harus membuktikan programnya secara legal: ada payung hukum seperti Perwali, regulasi dan SOP tertulis. Program juga tidak boleh berjalan sendiri-sendiri, melainkan terintegrasi antar-OPD.',
            en: 'The Masterplan covers ten years and sets out the development direction, strategy per dimension, action plan and roadmap. To rise a level, the region has to prove its programmes legally: a legal basis such as a mayoral regulation, rules and written SOPs. Programmes must not run on their own either; they have to be integrated across agencies.',
          },
          project: { id: 'Slide sistematika Masterplan', en: 'Masterplan outline slides' },
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
          title: { id: 'Paparan: Merumuskan strategi per dimensi', en: 'Talk: Writing the strategy per dimension' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Strategi menjembatani isu di Buku 1 dengan program di rencana aksi. Untuk setiap elemen dimensi, tuliskan sasaran, strategi, program pendukung dan regulasi yang dibutuhkan. Saya tunjukkan contoh dari Smart Governance: pelayanan publik, birokrasi dan kebijakan.',
            en: 'The strategy links the issues in Book 1 to the programmes in the action plan. For each element of a dimension write the target, strategy, supporting programmes and the regulation needed. I will show an example from Smart Governance: public service, bureaucracy and policy.',
          },
          project: { id: 'Contoh lembar strategi', en: 'Sample strategy sheet' },
        },
        {
          kind: 'tanya-jawab',
          minutes: 20,
          title: { id: 'Tanya jawab', en: 'Questions and answers' },
          presenter: { id: 'Moderator: Diskominfo', en: 'Moderator: Diskominfo' },
          script: {
            id: 'Moderator membuka satu termin tanya jawab untuk empat penanya. Mohon Bapak/Ibu menyebut nama dan OPD sebelum bertanya. Notulis mencatat setiap pertanyaan dan jawaban narasumber.',
            en: 'The moderator takes one round of four questions. Please give your name and agency before asking. The note-taker records each question and the mentor’s answer.',
          },
          project: { id: 'Slide "Tanya jawab"', en: '"Questions" slide' },
        },
        {
          kind: 'istirahat',
          minutes: 60,
          title: { id: 'ISHOMA', en: 'Lunch and prayer break (ISHOMA)' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Istirahat, sholat dan makan siang selama satu jam. Ingatkan kelompok dimensi untuk berkumpul kembali pukul 13.00.',
            en: 'One hour for lunch and prayers. Remind the dimension groups to reassemble at 13.00.',
          },
          project: { id: 'Hitung mundur ISHOMA', en: 'Lunch countdown' },
        },
        {
          kind: 'diskusi-kelompok',
          minutes: 105,
          title: { id: 'Diskusi kelompok: strategi per dimensi', en: 'Group work: strategy per dimension' },
          presenter: { id: 'Fasilitator dan seluruh peserta', en: 'Facilitators and all participants' },
          script: {
            id: 'Enam kelompok: Smart Governance, Smart Branding, Smart Economy, Smart Living, Smart Society dan Smart Environment. Untuk setiap elemen, rumuskan sasaran, strategi, program dari peta program Tahap II dan payung hukum yang dibutuhkan. Tandai program yang harus diintegrasikan dengan OPD lain. Saya berkeliling dan mengingatkan lima belas menit sebelum selesai.',
            en: 'Six groups: Smart Governance, Smart Branding, Smart Economy, Smart Living, Smart Society and Smart Environment. For each element write the target, strategy, programmes from the Stage II map and the legal basis needed. Flag programmes that must be integrated with other agencies. I will go round and give a fifteen-minute warning.',
          },
          project: { id: 'Lembar strategi kelompok', en: 'Group strategy sheet' },
          formId: 'strategy',
        },
        {
          kind: 'istirahat',
          minutes: 15,
          title: { id: 'Rehat kopi', en: 'Coffee break' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Rehat kopi singkat. Perekam kelompok merapikan lembar strategi agar siap dipresentasikan.',
            en: 'Short coffee break. Group rapporteurs tidy their strategy sheet so it is ready to present.',
          },
          project: { id: 'Hitung mundur rehat', en: 'Break countdown' },
        },
        {
          kind: 'pleno',
          minutes: 45,
          title: { id: 'Pleno: strategi per dimensi', en: 'Plenary: strategy per dimension' },
          presenter: { id: 'Moderator: Diskominfo', en: 'Moderator: Diskominfo' },
          script: {
            id: 'Enam kelompok presentasi masing-masing enam menit. Saya menanggapi apakah setiap strategi punya dasar hukum dan OPD penanggung jawab yang jelas. Notulis mencatat regulasi dan SOP yang harus disiapkan.',
            en: 'Six groups present for six minutes each. I comment on whether every strategy has a legal basis and a clear responsible agency. The note-taker records the regulations and SOPs to be prepared.',
          },
          project: { id: 'Lembar strategi kelompok yang presentasi', en: "Presenting group's strategy sheet" },
        },
        {
          kind: 'penutup',
          minutes: 15,
          title: { id: 'Rangkuman dan penutupan hari pertama', en: 'Summary and close of day one' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Saya rangkum strategi keenam dimensi dan regulasi yang muncul. Besok kita menyusun rencana aksi, roadmap dan memilih quick win per dimensi; mohon hadir pukul 08.00.',
            en: 'I summarise the strategies for the six dimensions and the regulations that came up. Tomorrow we write the action plan and roadmap and choose a quick win per dimension; please be here at 08.00.',
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
            id: 'Selamat pagi Bapak/Ibu. Saya ulas kembali strategi per dimensi yang kemarin dipresentasikan. Hari ini strategi itu kita turunkan menjadi rencana aksi, roadmap dan quick win.',
            en: 'Good morning. I go back over the strategies per dimension presented yesterday. Today we turn them into an action plan, a roadmap and quick wins.',
          },
          project: { id: 'Agenda hari ini', en: "Today's agenda" },
        },
        {
          kind: 'paparan',
          minutes: 30,
          title: { id: 'Paparan: Rencana aksi dan roadmap', en: 'Talk: Action plan and roadmap' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Roadmap membagi program ke tiga horizon: jangka pendek tahun depan, menengah dua sampai lima tahun dan panjang enam sampai sepuluh tahun. Letakkan dulu regulasi, SK tim dan SOP di jangka pendek, karena program lain bergantung padanya. Setiap aksi perlu OPD, indikator dan sumber anggaran.',
            en: 'The roadmap spreads programmes over three horizons: short term next year, medium two to five years and long six to ten years. Put regulations, team decrees and SOPs in the short term first, because the other programmes depend on them. Every action needs an agency, an indicator and a budget source.',
          },
          project: { id: 'Contoh roadmap tiga horizon', en: 'Sample three-horizon roadmap' },
        },
        {
          kind: 'diskusi-kelompok',
          minutes: 75,
          title: { id: 'Diskusi kelompok: rencana aksi per dimensi', en: 'Group work: action plan per dimension' },
          presenter: { id: 'Fasilitator dan seluruh peserta', en: 'Facilitators and all participants' },
          script: {
            id: 'Setiap kelompok memperbarui draf rencana aksi Tahap II sesuai strategi kemarin: kegiatan, OPD penanggung jawab, indikator, tahun dan sumber anggaran. Pastikan setiap strategi punya minimal satu aksi. Saya berkeliling ke setiap kelompok.',
            en: "Each group updates its Stage II draft action plan to match yesterday's strategy: activity, responsible agency, indicator, year and budget source. Make sure every strategy has at least one action. I will go round every group.",
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
          kind: 'diskusi-kelompok',
          minutes: 45,
          title: { id: 'Diskusi kelompok: roadmap per dimensi', en: 'Group work: roadmap per dimension' },
          presenter: { id: 'Fasilitator dan seluruh peserta', en: 'Facilitators and all participants' },
          script: {
            id: 'Susun aksi dari rencana aksi ke dalam roadmap jangka pendek, menengah dan panjang. Periksa urutannya: regulasi dan kelembagaan lebih dulu, lalu layanan, lalu pengembangan lanjutan.',
            en: 'Place the actions from the action plan on the short, medium and long-term roadmap. Check the order: regulation and institutions first, then services, then further development.',
          },
          project: { id: 'Lembar roadmap kelompok', en: 'Group roadmap sheet' },
          formId: 'roadmap',
        },
        {
          kind: 'diskusi-kelompok',
          minutes: 45,
          title: { id: 'Diskusi kelompok: quick win per dimensi', en: 'Group work: quick win per dimension' },
          presenter: { id: 'Fasilitator dan seluruh peserta', en: 'Facilitators and all participants' },
          script: {
            id: 'Dari daftar pendek Tahap II, setiap kelompok memilih satu quick win untuk dimensinya. Ingat, inovasi tidak harus TIK; kebijakan pun termasuk. Tuliskan layanan yang dipertajam, manfaat bagi warga, target enam sampai dua belas bulan, OPD pelaksana dan biaya.',
            en: 'From the Stage II shortlist, each group chooses one quick win for its dimension. Remember that innovation need not be IT; a policy counts too. Write the service being sharpened, the benefit to citizens, the six-to-twelve-month target, the delivering agency and the cost.',
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
            id: 'Pleno: rencana aksi, roadmap dan quick win per dimensi',
            en: 'Plenary: action plan, roadmap and quick win per dimension',
          },
          presenter: { id: 'Moderator: Diskominfo', en: 'Moderator: Diskominfo' },
          script: {
            id: 'Enam kelompok presentasi masing-masing sepuluh menit, disusul tanggapan. Saya memeriksa kesesuaian roadmap dengan strategi dan kelayakan quick win dalam setahun. Notulis mencatat perbaikan yang diminta untuk setiap kelompok.',
            en: 'Six groups present for ten minutes each, followed by responses. I check that the roadmap matches the strategy and that each quick win is feasible within a year. The note-taker records the changes asked of each group.',
          },
          project: {
            id: 'Roadmap dan quick win kelompok yang presentasi',
            en: "Presenting group's roadmap and quick win",
          },
        },
        {
          kind: 'pleno',
          minutes: 30,
          title: {
            id: 'Pleno: kesepakatan quick win per dimensi',
            en: 'Plenary: agreeing the quick win per dimension',
          },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Kita tampilkan enam quick win terpilih, satu per dimensi, dan meminta persetujuan forum. Quick win ini akan dipresentasikan oleh kepala daerah lengkap dengan visual dan angka, jadi OPD pelaksana mulai menyiapkan datanya.',
            en: 'We show the six chosen quick wins, one per dimension, and ask the room to agree. The head of region will present them with visuals and figures, so the delivering agencies should start preparing their data.',
          },
          project: { id: 'Enam quick win terpilih', en: 'The six chosen quick wins' },
        },
        {
          kind: 'penutup',
          minutes: 30,
          title: { id: 'Kesimpulan, tindak lanjut dan penutupan', en: 'Conclusions, follow-up and closing' },
          presenter: { id: 'Narasumber Kominfo dan Diskominfo', en: 'Kominfo mentor and Diskominfo' },
          script: {
            id: 'Saya bacakan kesimpulan Tahap III dan daftar tindak lanjut dengan OPD penanggung jawab dan tenggatnya: payung hukum (Perwali/Perbup), SK Dewan dan Tim Pelaksana Smart City, SOP dan penganggaran quick win. Tindak lanjut ini yang pertama kita periksa di Tahap IV. Terima kasih Bapak/Ibu; acara ditutup oleh Kepala Diskominfo.',
            en: 'I read the conclusions of Stage III and the follow-up list with responsible agencies and deadlines: the legal basis (mayoral or regent regulation), decrees for the Smart City Council and Implementation Team, SOPs and budgeting for the quick wins. These are the first thing we check in Stage IV. Thank you all; the head of Diskominfo closes the event.',
          },
          project: { id: 'Kesimpulan dan daftar tindak lanjut', en: 'Conclusions and follow-up list' },
        },
      ],
    },
  ],
};
