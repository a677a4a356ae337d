import type { Bilingual } from './agenda';

/**
 * The six dimensions of the programme and their three elements each (DOMAIN.md). Ids are stable
 * (stored in outputs and action items); the names are what people read.
 */
export const DIMENSIONS = [
  {
    id: 'governance',
    name: { id: 'Smart Governance', en: 'Smart Governance' },
    elements: [
      { id: 'pelayanan-publik', name: { id: 'Pelayanan publik', en: 'Public service' } },
      { id: 'birokrasi', name: { id: 'Birokrasi', en: 'Bureaucracy' } },
      { id: 'kebijakan', name: { id: 'Kebijakan', en: 'Policy' } },
    ],
  },
  {
    id: 'branding',
    name: { id: 'Smart Branding', en: 'Smart Branding' },
    elements: [
      { id: 'tourism', name: { id: 'Pariwisata (tourism)', en: 'Tourism' } },
      { id: 'business', name: { id: 'Bisnis (business)', en: 'Business' } },
      { id: 'wajah-kota', name: { id: 'Wajah kota', en: 'City appearance' } },
    ],
  },
  {
    id: 'economy',
    name: { id: 'Smart Economy', en: 'Smart Economy' },
    elements: [
      { id: 'industri', name: { id: 'Industri', en: 'Industry' } },
      { id: 'kesejahteraan', name: { id: 'Kesejahteraan', en: 'Welfare' } },
      { id: 'transaksi', name: { id: 'Transaksi', en: 'Transactions' } },
    ],
  },
  {
    id: 'living',
    name: { id: 'Smart Living', en: 'Smart Living' },
    elements: [
      { id: 'harmony', name: { id: 'Harmoni (tata ruang)', en: 'Harmony (spatial planning)' } },
      { id: 'kesehatan', name: { id: 'Kesehatan', en: 'Health' } },
      { id: 'mobilitas', name: { id: 'Mobilitas', en: 'Mobility' } },
    ],
  },
  {
    id: 'society',
    name: { id: 'Smart Society', en: 'Smart Society' },
    elements: [
      { id: 'community', name: { id: 'Komunitas (community)', en: 'Community' } },
      { id: 'learning', name: { id: 'Pembelajaran (learning)', en: 'Learning' } },
      { id: 'security', name: { id: 'Keamanan (security)', en: 'Security' } },
    ],
  },
  {
    id: 'environment',
    name: { id: 'Smart Environment', en: 'Smart Environment' },
    elements: [
      { id: 'proteksi', name: { id: 'Proteksi', en: 'Protection' } },
      { id: 'sampah', name: { id: 'Sampah/limbah', en: 'Waste' } },
      { id: 'energi', name: { id: 'Energi', en: 'Energy' } },
    ],
  },
] as const satisfies readonly {
  id: string;
  name: Bilingual;
  elements: readonly { id: string; name: Bilingual }[];
}[];

export type DimensionId = (typeof DIMENSIONS)[number]['id'];
export const DIMENSION_IDS = DIMENSIONS.map((d) => d.id) as DimensionId[];

/** Every element as `dimension.element` (e.g. `governance.kebijakan`), with its dimension's name. */
export const ELEMENTS = DIMENSIONS.flatMap((d) =>
  d.elements.map((e) => ({ id: `${d.id}.${e.id}`, dimension: d.id as DimensionId, name: e.name as Bilingual })),
);

/**
 * A group's topic as people read it: a dimension id ("governance") becomes its name ("Smart
 * Governance"); free text ("Struktur") is shown as written.
 */
export function topicName(topic: string, language: 'id' | 'en' = 'id'): string {
  return DIMENSIONS.find((d) => d.id === topic)?.name[language] ?? topic;
}
