import type { Bilingual } from '../agenda';
import type { ColumnField, FormDef, TableField } from './types';

const b = (id: string, en: string): Bilingual => ({ id, en });

const dimension = (required = true): ColumnField => ({
  key: 'dimension',
  kind: 'choice',
  source: 'dimension',
  label: b('Dimensi', 'Dimension'),
  required,
});
const agency = (required = false): ColumnField => ({
  key: 'agency',
  kind: 'choice',
  source: 'agency',
  label: b('OPD penanggung jawab', 'Responsible agency'),
  required,
});
const horizon: ColumnField = { key: 'horizon', kind: 'choice', source: 'horizon', label: b('Jangka waktu', 'Horizon') };
const budget: ColumnField = {
  key: 'budget',
  kind: 'choice',
  source: 'budget',
  label: b('Sumber anggaran', 'Budget source'),
};

/** Analisis Kesiapan: the three pillars and their elements, each rated 1–5 with its evidence. */
const readinessRows: TableField['rows'] = [
  { key: 'struktur-organisasi', group: b('Struktur', 'Structure'), label: b('Organisasi', 'Organisation') },
  { key: 'struktur-sdm', group: b('Struktur', 'Structure'), label: b('Sumber daya manusia', 'People') },
  { key: 'struktur-anggaran', group: b('Struktur', 'Structure'), label: b('Anggaran', 'Budget') },
  { key: 'infrastruktur-fisik', group: b('Infrastruktur', 'Infrastructure'), label: b('Fisik', 'Physical') },
  { key: 'infrastruktur-digital', group: b('Infrastruktur', 'Infrastructure'), label: b('Digital', 'Digital') },
  { key: 'infrastruktur-sosial', group: b('Infrastruktur', 'Infrastructure'), label: b('Sosial', 'Social') },
  { key: 'suprastruktur-regulasi', group: b('Suprastruktur', 'Superstructure'), label: b('Regulasi', 'Regulation') },
  { key: 'suprastruktur-kebijakan', group: b('Suprastruktur', 'Superstructure'), label: b('Kebijakan', 'Policy') },
  {
    key: 'suprastruktur-kelembagaan',
    group: b('Suprastruktur', 'Superstructure'),
    label: b('Kelembagaan', 'Institutions'),
  },
];

/**
 * The output forms the stage templates name (`OUTPUT_FORM_IDS`). Wording follows DOMAIN.md; every
 * text is Indonesian with English beside it.
 */
export const FORM_DEFINITIONS: FormDef[] = [
  {
    id: 'readiness',
    title: b('Analisis Kesiapan Daerah', 'Readiness analysis'),
    instructions: b(
      'Nilai kesiapan daerah pada setiap unsur struktur, infrastruktur dan suprastruktur (1–5) dan tuliskan buktinya (dokumen, data, contoh).',
      'Rate the region’s readiness on every element of structure, infrastructure and superstructure (1–5) and write down the evidence (documents, data, examples).',
    ),
    fields: [
      {
        key: 'elements',
        kind: 'table',
        label: b('Unsur kesiapan', 'Readiness elements'),
        rows: readinessRows,
        columns: [
          {
            key: 'rating',
            kind: 'rating',
            label: b('Nilai', 'Rating'),
            required: true,
            anchors: [
              b('Belum ada', 'None yet'),
              b('Dirintis', 'Started'),
              b('Berjalan sebagian', 'Partly in place'),
              b('Berjalan baik', 'Working well'),
              b('Optimal', 'Optimal'),
            ],
          },
          { key: 'evidence', kind: 'longText', label: b('Bukti / keterangan', 'Evidence / remarks'), max: 1000 },
        ],
      },
      { key: 'gap', kind: 'longText', label: b('Kesenjangan utama', 'Main gaps') },
    ],
  },
  {
    id: 'swot',
    title: b('Analisis SWOT', 'SWOT analysis'),
    instructions: b(
      'Untuk dimensi kelompok Anda, tuliskan kekuatan, kelemahan, peluang dan ancaman daerah. Satu butir per baris.',
      'For your group’s dimension, list the region’s strengths, weaknesses, opportunities and threats. One item per line.',
    ),
    fields: [
      dimension(),
      { key: 'strengths', kind: 'list', label: b('Kekuatan (Strengths)', 'Strengths'), required: true },
      { key: 'weaknesses', kind: 'list', label: b('Kelemahan (Weaknesses)', 'Weaknesses'), required: true },
      { key: 'opportunities', kind: 'list', label: b('Peluang (Opportunities)', 'Opportunities'), required: true },
      { key: 'threats', kind: 'list', label: b('Ancaman (Threats)', 'Threats'), required: true },
    ],
  },
  {
    id: 'issue-analysis',
    title: b('Analisis Isu Daerah', 'Regional issue analysis'),
    instructions: b(
      'Tuliskan isu strategis daerah pada dimensi kelompok Anda: penyebab, dampak, data pendukung dan OPD yang menangani.',
      'Write down the region’s strategic issues in your group’s dimension: cause, impact, supporting data and the agency in charge.',
    ),
    fields: [
      dimension(),
      {
        key: 'issues',
        kind: 'table',
        label: b('Isu', 'Issues'),
        rowLabel: b('Isu', 'Issue'),
        minRows: 1,
        required: true,
        columns: [
          { key: 'issue', kind: 'text', label: b('Isu', 'Issue'), required: true },
          { key: 'cause', kind: 'longText', label: b('Penyebab', 'Cause'), max: 1000 },
          { key: 'impact', kind: 'longText', label: b('Dampak', 'Impact'), max: 1000 },
          { key: 'data', kind: 'text', label: b('Data pendukung', 'Supporting data') },
          agency(),
        ],
      },
    ],
  },
  {
    id: 'vision-mission',
    title: b('Visi, Misi dan Sasaran Smart City', 'Smart-city vision, mission and targets'),
    instructions: b(
      'Rumuskan visi smart city daerah, misi-misinya dan sasaran yang terukur per dimensi.',
      'Draft the region’s smart-city vision, its missions and measurable targets per dimension.',
    ),
    fields: [
      { key: 'vision', kind: 'longText', label: b('Visi', 'Vision'), required: true, max: 1000 },
      { key: 'missions', kind: 'list', label: b('Misi', 'Missions'), required: true },
      {
        key: 'targets',
        kind: 'table',
        label: b('Sasaran', 'Targets'),
        rowLabel: b('Sasaran', 'Target'),
        columns: [
          { key: 'target', kind: 'text', label: b('Sasaran', 'Target'), required: true },
          { key: 'indicator', kind: 'text', label: b('Indikator', 'Indicator') },
          dimension(false),
        ],
      },
    ],
  },
  {
    id: 'programme-map',
    title: b('Pemetaan Program RPJMD dan Renstra OPD', 'Programme map (RPJMD and agency plans)'),
    instructions: b(
      'Petakan program yang sudah ada di RPJMD dan Renstra OPD ke dimensi dan unsur smart city, dengan OPD dan jangka waktunya.',
      'Map programmes already in the RPJMD and agency strategic plans to smart-city dimensions and elements, with their agency and horizon.',
    ),
    fields: [
      {
        key: 'programmes',
        kind: 'table',
        label: b('Program', 'Programmes'),
        rowLabel: b('Program', 'Programme'),
        minRows: 1,
        required: true,
        columns: [
          { key: 'programme', kind: 'text', label: b('Program / kegiatan', 'Programme / activity'), required: true },
          {
            key: 'source',
            kind: 'choice',
            source: 'options',
            label: b('Sumber dokumen', 'Source document'),
            options: [
              { value: 'RPJMD', label: b('RPJMD', 'RPJMD') },
              { value: 'Renstra', label: b('Renstra OPD', 'Agency strategic plan') },
              { value: 'lainnya', label: b('Lainnya', 'Other') },
            ],
          },
          dimension(),
          { key: 'element', kind: 'choice', source: 'element', label: b('Unsur', 'Element') },
          agency(),
          horizon,
        ],
      },
    ],
  },
  {
    id: 'strategy',
    title: b('Arah Pengembangan dan Strategi per Dimensi', 'Development direction and strategy per dimension'),
    instructions: b(
      'Untuk dimensi kelompok Anda, rumuskan arah pengembangan dan strategi masterplan (Buku 2).',
      'For your group’s dimension, draft the masterplan’s development direction and strategies (Book 2).',
    ),
    fields: [
      dimension(),
      { key: 'direction', kind: 'longText', label: b('Arah pengembangan', 'Development direction'), required: true },
      { key: 'strategies', kind: 'list', label: b('Strategi', 'Strategies'), required: true },
    ],
  },
  {
    id: 'action-plan',
    title: b('Rencana Aksi', 'Action plan'),
    instructions: b(
      'Susun rencana aksi: program, kegiatan, OPD penanggung jawab, jangka waktu, tahun pelaksanaan dan sumber anggaran.',
      'Draft the action plan: programme, activities, responsible agency, horizon, years and budget source.',
    ),
    fields: [
      dimension(false),
      {
        key: 'actions',
        kind: 'table',
        label: b('Rencana aksi', 'Actions'),
        rowLabel: b('Program', 'Programme'),
        minRows: 1,
        required: true,
        columns: [
          { key: 'programme', kind: 'text', label: b('Program', 'Programme'), required: true },
          { key: 'activities', kind: 'longText', label: b('Kegiatan', 'Activities'), max: 1000 },
          agency(true),
          horizon,
          { key: 'yearFrom', kind: 'year', label: b('Tahun mulai', 'From year') },
          { key: 'yearTo', kind: 'year', label: b('Tahun selesai', 'To year') },
          budget,
        ],
      },
    ],
  },
  {
    id: 'roadmap',
    title: b('Peta Jalan (Roadmap)', 'Roadmap'),
    instructions: b(
      'Susun peta jalan sepuluh tahun: program per dimensi dengan tahun pelaksanaan, jangka waktu dan OPD.',
      'Draft the ten-year roadmap: programmes per dimension with their years, horizon and agency.',
    ),
    fields: [
      {
        key: 'milestones',
        kind: 'table',
        label: b('Tahapan', 'Milestones'),
        rowLabel: b('Program', 'Programme'),
        minRows: 1,
        required: true,
        columns: [
          dimension(),
          { key: 'programme', kind: 'text', label: b('Program', 'Programme'), required: true },
          horizon,
          { key: 'yearFrom', kind: 'year', label: b('Tahun mulai', 'From year') },
          { key: 'yearTo', kind: 'year', label: b('Tahun selesai', 'To year') },
          agency(),
          budget,
        ],
      },
    ],
  },
  {
    id: 'quick-win-proposal',
    title: b('Usulan Quick Win', 'Quick-win proposals'),
    instructions: b(
      'Usulkan program quick win: dirasakan langsung oleh warga, selesai dalam 6–12 bulan, mempertajam layanan yang sudah ada.',
      'Propose quick wins: felt directly by citizens, delivered in 6–12 months, sharpening an existing service.',
    ),
    fields: [
      {
        key: 'proposals',
        kind: 'table',
        label: b('Usulan', 'Proposals'),
        rowLabel: b('Usulan', 'Proposal'),
        minRows: 1,
        required: true,
        columns: [
          { key: 'name', kind: 'text', label: b('Nama program', 'Programme name'), required: true },
          dimension(),
          {
            key: 'description',
            kind: 'longText',
            label: b('Uraian dan manfaat', 'Description and benefit'),
            max: 1000,
          },
          agency(true),
          {
            key: 'months',
            kind: 'number',
            label: b('Waktu pelaksanaan', 'Time to deliver'),
            min: 1,
            max: 24,
            unit: b('bulan', 'months'),
          },
          budget,
        ],
      },
    ],
  },
  {
    id: 'commitment',
    title: b('Lembar Komitmen', 'Commitment sheet'),
    instructions: b(
      'Kepala OPD menandatangani komitmen bersama untuk melaksanakan masterplan smart city dan quick win.',
      'Heads of agencies sign the joint commitment to carry out the smart-city masterplan and quick wins.',
    ),
    fields: [
      {
        key: 'statement',
        kind: 'longText',
        label: b('Pernyataan komitmen', 'Commitment statement'),
        required: true,
        max: 2000,
      },
      {
        key: 'signatories',
        kind: 'table',
        label: b('Penanda tangan', 'Signatories'),
        rowLabel: b('Penanda tangan', 'Signatory'),
        minRows: 1,
        required: true,
        columns: [
          agency(true),
          { key: 'name', kind: 'text', label: b('Nama', 'Name'), required: true },
          { key: 'position', kind: 'text', label: b('Jabatan', 'Position') },
          { key: 'signature', kind: 'signature', label: b('Tanda tangan', 'Signature'), required: true },
        ],
      },
    ],
  },
  {
    id: 'notes',
    title: b('Catatan Bebas', 'Free notes'),
    instructions: b('Tuliskan hasil diskusi kelompok.', 'Write down what the group discussed.'),
    fields: [{ key: 'notes', kind: 'longText', label: b('Catatan', 'Notes'), required: true, max: 20_000 }],
  },
];
