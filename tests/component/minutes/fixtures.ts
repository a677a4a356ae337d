import type { Engagement, Workshop } from '../../../shared/domain';
import type { MinutesSection, MinutesVersion, MinutesView } from '../../../shared/minutes';

export const E = '0b7f0c7e-1d7a-4c5e-9a53-2f1f3d9c0a01';
export const W = '5d1c2a44-8a3e-4b8e-9a0f-6c7d8e9f0a12';
export const STEP = 'step:9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c23';

export const engagement = {
  id: E,
  regionKind: 'kota',
  regionName: 'Kediri',
  timeZone: 'WIB',
} as unknown as Engagement;

export const workshop = {
  id: W,
  engagementId: E,
  stage: 'tahap-1',
  customStageName: '',
  title: 'Bimtek Tahap I',
} as unknown as Workshop;

export function section(over: Partial<MinutesSection> = {}): MinutesSection {
  return {
    key: 'opening',
    title: 'Pembukaan',
    subtitle: '',
    blocks: [{ kind: 'p', text: 'Rapat dibuka pukul 08.00 WIB.' }],
    edited: false,
    draft: [{ kind: 'p', text: 'Rapat dibuka pukul 08.00 WIB.' }],
    ...over,
  };
}

export const version1: MinutesVersion = {
  version: 1,
  sha256: 'ab'.repeat(32),
  code: '7F3A-91C2',
  bytes: 12345,
  finalizedAt: '2019-08-28T08:30:00.000Z',
  finalizedBy: 'Siti Aminah',
  reopenedAt: null,
  reopenedBy: '',
  reopenReason: '',
};

export function view(over: Partial<MinutesView> = {}): MinutesView {
  return {
    workshopId: W,
    state: 'draft',
    revision: 7,
    number: '',
    title: 'NOTULEN RAPAT',
    header: [
      { label: 'Sidang/Rapat', value: 'Bimtek Tahap I' },
      { label: 'Notulis', value: 'Siti Aminah' },
    ],
    sections: [
      section(),
      section({
        key: STEP,
        title: 'Paparan: Konsep Smart City',
        subtitle: 'Hari ke-1 · 09.05–10.20 WIB',
        blocks: [
          { kind: 'p', text: 'Narasumber memaparkan konsep.' },
          { kind: 'ul', items: ['Tata kelola', 'Ekonomi'] },
          { kind: 'ol', items: ['Pertama', 'Kedua'] },
        ],
      }),
      section({
        key: 'decisions',
        title: 'Keputusan/Kesimpulan',
        blocks: [{ kind: 'ol', items: ['Tim smart city ditetapkan.'] }],
      }),
      section({ key: 'closing', title: 'Penutup', blocks: [] }),
    ],
    followUps: [
      ['No', 'Tindak lanjut', 'Penanggung jawab', 'Tenggat'],
      ['1', 'Menyusun SK tim', 'Diskominfo', '30 September 2019'],
    ],
    annexes: ['Lampiran I Daftar Hadir', 'Lampiran V Dokumentasi'],
    photos: [],
    versions: [],
    signing: {
      placeDate: 'Kediri, 28 Agustus 2019',
      signatories: [
        { role: 'Pimpinan Rapat', name: 'Drs. Sutrisno', rank: 'Pembina (IV/a)', nip: '196803151994031005' },
        { role: 'Notulis', name: 'Siti Aminah', rank: 'Penata (III/c)', nip: '' },
      ],
    },
    page: { paper: 'F4', fontFamily: 'Arial', fontSizePt: 12, margins: { top: 2.5, bottom: 2.5, left: 3, right: 2.5 } },
    ...over,
  };
}
