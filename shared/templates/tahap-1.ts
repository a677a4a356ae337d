import type { StageTemplate } from '../agenda';

/**
 * Tahap I: concepts and policy, readiness of the region along struktur / infrastruktur /
 * suprastruktur, gap analysis, SWOT per dimension, Analisis Isu Daerah and a first draft of the
 * smart-city vision and mission. Material for Buku 1 (strategic analysis).
 * Day 1 08:00–16:00, day 2 08:00–15:30.
 */
export const tahap1: StageTemplate = {
  id: 'tahap-1',
  title: {
    id: 'Bimtek Tahap I: Konsep, Kebijakan dan Analisis Kesiapan Daerah',
    en: 'Bimtek Stage I: Concepts, Policy and Readiness Analysis',
  },
  summary: {
    id: 'Konsep dan kebijakan smart city, analisis kesiapan (struktur, infrastruktur, suprastruktur), analisis kesenjangan, SWOT per dimensi, Analisis Isu Daerah dan draf visi-misi: bahan Buku 1.',
    en: 'Smart-city concepts and policy, readiness analysis (structure, infrastructure, superstructure), gap analysis, SWOT per dimension, regional issue analysis and a draft vision and mission: material for Book 1.',
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
            id: 'Panitia membuka meja registrasi; peserta mengisi daftar hadir dengan NIP, jabatan dan OPD lalu menandatanganinya. Bapak/Ibu dipersilakan duduk berkelompok per OPD. Pastikan laptop sudah tersambung ke proyektor dan hitung mundur berjalan.',
            en: 'The committee opens the registration desk; participants fill in the attendance list with their NIP, position and agency and sign it. Ask everyone to sit with colleagues from their agency. Check that the laptop is on the projector and the countdown is running.',
          },
          project: { id: 'Judul acara dan hitung mundur', en: 'Event title and countdown' },
        },
        {
          kind: 'pembukaan',
          minutes: 10,
          title: { id: 'Pembukaan: Indonesia Raya dan doa', en: 'Opening: national anthem and prayer' },
          presenter: { id: 'Pembawa acara', en: 'Master of ceremonies' },
          script: {
            id: 'Pembawa acara menyapa Bapak/Ibu, membacakan susunan acara dua hari dan mengajak hadirin berdiri menyanyikan Indonesia Raya. Doa dipimpin oleh perwakilan peserta. Sampaikan bahwa Bimtek ini adalah tahap pertama dari empat tahap penyusunan Masterplan Smart City.',
            en: 'The MC welcomes everyone, reads the two-day agenda and asks the room to stand for Indonesia Raya. A participant leads the prayer. Explain that this Bimtek is the first of four stages towards the Smart City Masterplan.',
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
            id: 'Kepala daerah menyampaikan harapan terhadap Gerakan Menuju 100 Smart City dan meminta seluruh kepala OPD terlibat penuh. Mohon beliau menyebut target level smart city daerah dan membuka acara secara resmi. Catat arahan pokok beliau untuk notula.',
            en: 'The head of region sets out what the region expects from the 100 Smart City Movement and asks every agency head to take part fully. Ask them to state the level the region aims for and to open the event officially. Note the key directions for the minutes.',
          },
          project: { id: 'Judul acara dan logo daerah', en: 'Event title and regional emblem' },
        },
        {
          kind: 'paparan',
          minutes: 60,
          title: {
            id: 'Paparan: Konsep dan kebijakan Gerakan Menuju 100 Smart City',
            en: 'Talk: Concepts and policy of the 100 Smart City Movement',
          },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Bapak/Ibu, smart city bukan soal membeli aplikasi, melainkan cara daerah memakai teknologi dan kebijakan untuk menyelesaikan masalah warga. Saya jelaskan enam dimensi: Smart Governance, Smart Branding, Smart Economy, Smart Living, Smart Society dan Smart Environment, beserta elemennya. Saya juga paparkan empat tahap Bimtek dan keluaran setiap tahap: Buku 1, Masterplan (Buku 2) dan quick win.',
            en: 'Ladies and gentlemen, a smart city is not about buying apps but about how the region uses technology and policy to solve citizens’ problems. I will explain the six dimensions: Smart Governance, Smart Branding, Smart Economy, Smart Living, Smart Society and Smart Environment, with their elements. I will also walk through the four Bimtek stages and what each produces: Book 1, the Masterplan (Book 2) and quick wins.',
          },
          project: { id: 'Slide paparan kebijakan', en: 'Policy slides' },
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
          title: {
            id: 'Paparan: Analisis kesiapan daerah (struktur, infrastruktur, suprastruktur)',
            en: 'Talk: Regional readiness (structure, infrastructure, superstructure)',
          },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Kesiapan daerah kita lihat dari tiga pilar: struktur (organisasi, SDM, anggaran), infrastruktur (fisik, digital, sosial) dan suprastruktur (regulasi, kebijakan, kelembagaan). Untuk setiap pilar, Bapak/Ibu mencatat kondisi saat ini, kondisi yang diharapkan dan kesenjangannya. Saya tunjukkan contoh lembar kesiapan yang sudah terisi dan cara menulis analisis kesenjangan yang ringkas.',
            en: "We look at the region's readiness through three pillars: structure (organisation, people, budget), infrastructure (physical, digital, social) and superstructure (regulation, policy, institutions). For each pillar you record the current state, the desired state and the gap between them. I will show a completed readiness sheet and how to write a short gap analysis.",
          },
          project: {
            id: 'Slide tiga pilar kesiapan dan contoh lembar',
            en: 'Three readiness pillars and a sample sheet',
          },
        },
        {
          kind: 'tanya-jawab',
          minutes: 30,
          title: { id: 'Tanya jawab', en: 'Questions and answers' },
          presenter: { id: 'Moderator: Diskominfo', en: 'Moderator: Diskominfo' },
          script: {
            id: 'Moderator membuka sesi tanya jawab dalam dua termin, masing-masing tiga penanya. Mohon Bapak/Ibu menyebut nama dan OPD sebelum bertanya. Notulis mencatat setiap pertanyaan dan jawaban narasumber.',
            en: 'The moderator takes questions in two rounds of three. Please give your name and agency before asking. The note-taker records each question and the mentor’s answer.',
          },
          project: { id: 'Slide "Tanya jawab"', en: '"Questions" slide' },
        },
        {
          kind: 'istirahat',
          minutes: 60,
          title: { id: 'ISHOMA', en: 'Lunch and prayer break (ISHOMA)' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Istirahat, sholat dan makan siang selama satu jam. Sampaikan bahwa setelah ISHOMA peserta bekerja dalam tiga kelompok per pilar kesiapan, dan bacakan pembagian kelompoknya.',
            en: 'One hour for lunch and prayers. Announce that after the break participants work in three groups, one per readiness pillar, and read out the group list.',
          },
          project: { id: 'Hitung mundur ISHOMA dan pembagian kelompok', en: 'Lunch countdown and group list' },
        },
        {
          kind: 'diskusi-kelompok',
          minutes: 105,
          title: {
            id: 'Diskusi kelompok: kesiapan per pilar dan analisis kesenjangan',
            en: 'Group work: readiness per pillar and gap analysis',
          },
          presenter: { id: 'Fasilitator dan seluruh peserta', en: 'Facilitators and all participants' },
          script: {
            id: 'Kelompok 1 membahas struktur, kelompok 2 infrastruktur dan kelompok 3 suprastruktur. Setiap kelompok menunjuk ketua dan perekam yang mengetik hasil di lembar kesiapan. Tuliskan kondisi nyata dengan data: jumlah SDM TIK, anggaran, jaringan, Perwali atau SK yang sudah ada, lalu kesenjangannya. Saya berkeliling ke setiap kelompok; lima belas menit sebelum selesai saya ingatkan.',
            en: 'Group 1 takes structure, group 2 infrastructure and group 3 superstructure. Each group names a lead and a rapporteur who types into the readiness sheet. Write the real situation with figures: ICT staff, budget, network, existing mayoral regulations or decrees, then the gap. I will go round every group and give a fifteen-minute warning.',
          },
          project: { id: 'Lembar kesiapan kelompok', en: 'Group readiness sheet' },
          formId: 'readiness',
        },
        {
          kind: 'istirahat',
          minutes: 15,
          title: { id: 'Rehat kopi', en: 'Coffee break' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Rehat kopi singkat. Perekam kelompok merapikan hasil agar siap dipresentasikan.',
            en: 'Short coffee break. Group rapporteurs tidy their output so it is ready to present.',
          },
          project: { id: 'Hitung mundur rehat', en: 'Break countdown' },
        },
        {
          kind: 'pleno',
          minutes: 45,
          title: { id: 'Pleno: hasil analisis kesiapan', en: 'Plenary: readiness findings' },
          presenter: { id: 'Moderator: Diskominfo', en: 'Moderator: Diskominfo' },
          script: {
            id: 'Setiap kelompok mempresentasikan hasilnya sepuluh menit, disusul tanggapan singkat dari kelompok lain. Saya memberi catatan pada kesenjangan terbesar, misalnya payung hukum yang belum ada atau SDM TIK yang kurang. Kesenjangan ini menjadi bahan SWOT besok.',
            en: 'Each group presents for ten minutes, followed by brief responses from the others. I comment on the largest gaps, such as a missing legal basis or too few ICT staff. These gaps feed tomorrow’s SWOT.',
          },
          project: { id: 'Lembar kesiapan kelompok yang presentasi', en: "Presenting group's readiness sheet" },
        },
        {
          kind: 'penutup',
          minutes: 15,
          title: { id: 'Rangkuman dan penutupan hari pertama', en: 'Summary and close of day one' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Saya rangkum temuan utama hari ini per pilar kesiapan. Besok Bapak/Ibu bekerja dalam enam kelompok, satu per dimensi; mohon hadir pukul 08.00 dan membawa data program OPD masing-masing.',
            en: 'I summarise today’s main findings per readiness pillar. Tomorrow you work in six groups, one per dimension; please be here at 08.00 and bring your agency’s programme data.',
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
            id: 'Peserta menandatangani daftar hadir hari kedua. Panitia menempelkan nama enam dimensi di meja kelompok dan mengarahkan Bapak/Ibu ke kelompok dimensinya.',
            en: 'Participants sign the day-two attendance list. The committee labels the tables with the six dimensions and directs everyone to their dimension group.',
          },
          project: { id: 'Pembagian kelompok per dimensi', en: 'Groups by dimension' },
        },
        {
          kind: 'pembukaan',
          minutes: 15,
          title: { id: 'Pembukaan hari kedua dan rekap hari pertama', en: 'Opening of day two and recap of day one' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Selamat pagi Bapak/Ibu. Saya ulas kembali kesenjangan yang kemarin ditemukan pada struktur, infrastruktur dan suprastruktur. Hari ini kita menyusun SWOT per dimensi, Analisis Isu Daerah dan draf visi-misi smart city.',
            en: 'Good morning. I go back over the gaps found yesterday in structure, infrastructure and superstructure. Today we write a SWOT per dimension, the regional issue analysis and a draft smart-city vision and mission.',
          },
          project: { id: 'Agenda hari ini', en: "Today's agenda" },
        },
        {
          kind: 'paparan',
          minutes: 30,
          title: {
            id: 'Paparan: Metode SWOT dan Analisis Isu Daerah',
            en: 'Talk: SWOT and regional issue analysis method',
          },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Kekuatan dan kelemahan adalah kondisi di dalam pemerintah daerah; peluang dan ancaman datang dari luar. Setiap butir SWOT harus dapat dibuktikan dengan data atau dokumen. Lalu dari SWOT kita tarik isu strategis: masalahnya, penyebabnya, dampaknya bagi warga dan OPD yang menangani.',
            en: 'Strengths and weaknesses are inside the local government; opportunities and threats come from outside. Every SWOT point must be backed by data or a document. From the SWOT we then draw the strategic issues: the problem, its cause, its effect on citizens and the agency responsible.',
          },
          project: { id: 'Contoh lembar SWOT dan lembar isu', en: 'Sample SWOT and issue sheets' },
        },
        {
          kind: 'diskusi-kelompok',
          minutes: 90,
          title: { id: 'Diskusi kelompok: SWOT per dimensi', en: 'Group work: SWOT per dimension' },
          presenter: { id: 'Fasilitator dan seluruh peserta', en: 'Facilitators and all participants' },
          script: {
            id: 'Enam kelompok: Smart Governance, Smart Branding, Smart Economy, Smart Living, Smart Society dan Smart Environment. Bahas setiap elemen dimensi Bapak/Ibu, misalnya pelayanan publik, birokrasi dan kebijakan untuk Smart Governance. Isi minimal tiga butir pada setiap kotak SWOT dan gunakan temuan kesiapan kemarin.',
            en: 'Six groups: Smart Governance, Smart Branding, Smart Economy, Smart Living, Smart Society and Smart Environment. Go through every element of your dimension, for example public service, bureaucracy and policy for Smart Governance. Put at least three points in each SWOT box and use yesterday’s readiness findings.',
          },
          project: { id: 'Lembar SWOT kelompok', en: 'Group SWOT sheet' },
          formId: 'swot',
        },
        {
          kind: 'istirahat',
          minutes: 15,
          title: { id: 'Rehat kopi', en: 'Coffee break' },
          presenter: { id: 'Panitia', en: 'Organising committee' },
          script: {
            id: 'Rehat kopi lima belas menit. Kelompok boleh melanjutkan diskusi sambil rehat.',
            en: 'Fifteen-minute coffee break. Groups may keep talking over coffee.',
          },
          project: { id: 'Hitung mundur rehat', en: 'Break countdown' },
        },
        {
          kind: 'diskusi-kelompok',
          minutes: 75,
          title: { id: 'Diskusi kelompok: Analisis Isu Daerah', en: 'Group work: regional issue analysis' },
          presenter: { id: 'Fasilitator dan seluruh peserta', en: 'Facilitators and all participants' },
          script: {
            id: 'Dari SWOT, setiap kelompok memilih tiga sampai lima isu terpenting di dimensinya. Tuliskan masalah, penyebab, dampak, OPD terkait dan gagasan inovasi pertama; inovasi tidak harus berupa aplikasi, kebijakan pun termasuk. Saya akan menanyakan data pendukung setiap isu.',
            en: 'From the SWOT, each group picks the three to five most important issues in its dimension. Write the problem, cause, effect, agencies involved and a first innovation idea; innovations need not be apps, a policy counts too. I will ask for the evidence behind each issue.',
          },
          project: { id: 'Lembar Analisis Isu Daerah', en: 'Regional issue analysis sheet' },
          formId: 'issue-analysis',
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
          minutes: 60,
          title: { id: 'Pleno: SWOT dan isu per dimensi', en: 'Plenary: SWOT and issues per dimension' },
          presenter: { id: 'Moderator: Diskominfo', en: 'Moderator: Diskominfo' },
          script: {
            id: 'Enam kelompok presentasi masing-masing delapan menit, mulai dari Smart Governance. Saya menanggapi apakah butir SWOT didukung data dan apakah isu saling terkait antar-dimensi. Notulis mencatat masukan untuk setiap kelompok.',
            en: 'Six groups present for eight minutes each, starting with Smart Governance. I comment on whether the SWOT points are backed by data and whether issues link across dimensions. The note-taker records the feedback for each group.',
          },
          project: { id: 'Lembar SWOT dan isu kelompok yang presentasi', en: "Presenting group's SWOT and issues" },
        },
        {
          kind: 'diskusi-kelompok',
          minutes: 45,
          title: {
            id: 'Diskusi kelompok: draf visi dan misi smart city',
            en: 'Group work: draft smart-city vision and mission',
          },
          presenter: { id: 'Fasilitator dan seluruh peserta', en: 'Facilitators and all participants' },
          script: {
            id: 'Setiap kelompok mengusulkan satu rumusan visi smart city, misi untuk dimensinya dan dua atau tiga sasaran terukur. Visi harus selaras dengan visi kepala daerah di RPJMD. Tuliskan singkat, cukup satu kalimat untuk visi.',
            en: "Each group proposes a smart-city vision statement, a mission for its dimension and two or three measurable targets. The vision must match the head of region's vision in the RPJMD. Keep it short: one sentence for the vision.",
          },
          project: { id: 'Lembar visi-misi kelompok', en: 'Group vision and mission sheet' },
          formId: 'vision-mission',
        },
        {
          kind: 'pleno',
          minutes: 30,
          title: { id: 'Pleno: kesepakatan draf visi dan misi', en: 'Plenary: agreeing the draft vision and mission' },
          presenter: { id: 'Narasumber Kominfo', en: 'Kominfo mentor' },
          script: {
            id: 'Kita bandingkan usulan visi dari enam kelompok di layar dan menggabungkannya menjadi satu draf. Misi dan sasaran per dimensi dicatat sebagai draf untuk Buku 1. Rumusan akhir akan dibahas lagi di Tahap II.',
            en: 'We compare the six groups’ vision proposals on screen and merge them into one draft. Missions and targets per dimension are recorded as drafts for Book 1. The final wording comes back in Stage II.',
          },
          project: { id: 'Usulan visi dari semua kelompok', en: "All groups' vision proposals" },
        },
        {
          kind: 'penutup',
          minutes: 15,
          title: { id: 'Kesimpulan, tindak lanjut dan penutupan', en: 'Conclusions, follow-up and closing' },
          presenter: { id: 'Narasumber Kominfo dan Diskominfo', en: 'Kominfo mentor and Diskominfo' },
          script: {
            id: 'Saya bacakan kesimpulan Tahap I dan daftar tindak lanjut: siapa, apa dan kapan, misalnya melengkapi data kesiapan atau menyiapkan draf SK Dewan Smart City. Tindak lanjut ini yang pertama kita periksa di Tahap II. Terima kasih Bapak/Ibu; acara ditutup oleh Kepala Diskominfo.',
            en: 'I read the conclusions of Stage I and the follow-up list: who does what by when, for example completing readiness data or drafting the Smart City Council decree. These are the first thing we check in Stage II. Thank you all; the head of Diskominfo closes the event.',
          },
          project: { id: 'Kesimpulan dan daftar tindak lanjut', en: 'Conclusions and follow-up list' },
        },
      ],
    },
  ],
};
