/**
 * The minutes' two halves, both run in a job worker: gathering everything the notulen is made
 * of from the store (over the worker's connection), then building the DOCX from it (CPU only,
 * apart from the quick-win chart, which sharp draws on its own threads).
 */
import { createHash } from 'node:crypto';
import { DIMENSIONS } from '../../../shared/dimensions';
import { fileNamePart, safeFileName } from '../../../shared/files';
import { rankQuickWins } from '../../../shared/followups';
import { zoneDate } from '../../../shared/format';
import type { ActionItem } from '../../../shared/followups';
import { quickWinChartSvg, svgToPng } from '../minutes/chart';
import type { FileBytes, ReportProgress } from '../jobs/types';
import { exportRow, type ActionExportRow } from './actions-files';
import { gatherAttendanceList, gatherGroupOutputs, letterheadOf, type DocumentSources } from './files';
import { buildMinutesDocx, type MinutesDocData, type MinutesQuickWinRow } from './minutes-docx';
import type { PageSettings } from './page';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Everything the minutes are made from, but the chart (drawn after the store is closed). */
export interface MinutesData {
  fileName: string;
  doc: Omit<MinutesDocData, 'version'>;
  /** The ranked quick wins (empty: no Lampiran Peringkat Quick Win); the chart draws the scored ones. */
  ranking: { rank: number; name: string; group: string; total: number; scored: boolean }[];
  layout: PageSettings;
}

/** A ranked quick win as Lampiran IV's table prints it: the score "4,35", "–" when nobody scored it. */
const quickWinRow = (r: MinutesData['ranking'][number]): MinutesQuickWinRow => ({
  rank: String(r.rank),
  proposal: r.name,
  group: r.group,
  score: r.scored ? r.total.toFixed(2).replace('.', ',') : '–',
});

/**
 * The minutes' data: the header, the sections (as rewritten, or built from the record), the
 * workshop's follow-ups, the signature block and every annex — the daftar hadir of each day as
 * attached to minutes (no phone numbers unless the engagement says so), the groups' outputs, the
 * register as of this workshop, the quick-win ranking and the photos chosen for the annex.
 */
export function gatherMinutes(d: DocumentSources, workshopId: string): MinutesData {
  const view = d.minutes.view(workshopId);
  const workshop = d.workshops.get(workshopId);
  const engagement = d.engagements.get(workshop.engagementId);
  const zone = engagement.timeZone;
  const dimension = new Map(DIMENSIONS.map((x) => [x.id as string, x.name.id]));
  const rows = (items: ActionItem[]): ActionExportRow[] =>
    items.map((a) => exportRow(a, dimension.get(a.dimension) ?? '', '', (iso) => zoneDate(iso, zone)));
  const { mine, register } = d.minutes.actionItems(workshopId);
  const section = (key: string) => view.sections.find((s) => s.key === key)?.blocks ?? [];

  // Lampiran Daftar Hadir: every day with anyone registered or present.
  const attendance = workshop.days
    .map((day) => gatherAttendanceList(d, day.id, false, 'annex').input)
    .filter((a) => a.rows.length > 0)
    // No blank rows for walk-ins: the minutes file what happened.
    .map(({ letterhead: _letterhead, ...body }) => ({ ...body, blankRows: 0 }));
  const groups = gatherGroupOutputs(d, workshopId).input;

  const board = d.followups.board(workshopId);
  const byKey = new Map(board.candidates.map((c) => [c.key, c]));
  const ranking = rankQuickWins(board.candidates, board.scores, board.weights).map((r) => {
    const c = byKey.get(r.key)!;
    const topic = dimension.get(c.dimension);
    const group = topic ? `${c.groupName} — ${topic}` : c.groupName;
    return { rank: r.rank, name: c.name, group, total: r.total, scored: r.scorers > 0 };
  });
  const [chair, noteTaker] = view.signing.signatories;
  return {
    fileName: safeFileName(`${view.title === 'NOTULA' ? 'Notula' : 'Notulen'} ${fileNamePart(workshop.title)}.docx`),
    doc: {
      letterhead: letterheadOf(d, workshop.engagementId),
      title: view.title,
      number: view.number,
      header: view.header,
      opening: section('opening'),
      discussion: view.sections
        .filter((s) => s.key.startsWith('step:'))
        .map((s) => ({ title: s.title, subtitle: s.subtitle, blocks: s.blocks })),
      decisions: section('decisions'),
      followUps: rows(mine),
      closing: section('closing'),
      signatures: { placeDate: view.signing.placeDate, chair, noteTaker },
      annexes: {
        attendance,
        groupOutputs: { steps: groups.steps, signatures: groups.signatures },
        actions: rows(register),
        quickWins: { chart: null, rows: ranking.map(quickWinRow) },
        photos: d.minutes.annexPhotos(workshopId),
      },
    },
    ranking,
    layout: {
      paper: engagement.documents.paper,
      fontFamily: engagement.documents.fontFamily,
      fontSizePt: engagement.documents.fontSizePt,
      margins: engagement.documents.margins,
    },
  };
}

/**
 * The short verification code of the content: SHA-256 over the document's data (images by their
 * own SHA-256), its first 8 hex digits as "7F3A-91C2". The same minutes give the same code; any
 * change to a word, a signature or a photo gives another. The version number is not part of it.
 */
export function contentCode(doc: Omit<MinutesDocData, 'version'>): string {
  const json = JSON.stringify(doc, (_key, value: unknown) =>
    value instanceof Uint8Array ? `sha256:${createHash('sha256').update(value).digest('hex')}` : value,
  );
  const hex = createHash('sha256').update(json).digest('hex').slice(0, 8).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4)}`;
}

/**
 * The minutes DOCX: the chart drawn, the code computed, the document built. `version` N prints
 * "Versi N" in the footer (a finalize); null prints "DRAF".
 */
export async function buildMinutesFile(
  data: MinutesData,
  version: number | null,
  report: ReportProgress = () => {},
): Promise<{ file: FileBytes; code: string }> {
  report({ phase: 'chart', step: 2, steps: 3 });
  const scored = data.ranking.filter((r) => r.scored);
  const chart = scored.length ? await svgToPng(quickWinChartSvg(scored)) : null;
  const doc = { ...data.doc, annexes: { ...data.doc.annexes, quickWins: { ...data.doc.annexes.quickWins, chart } } };
  const code = contentCode(doc);
  report({ phase: 'build', step: 3, steps: 3 });
  const bytes = await buildMinutesDocx(
    { ...doc, version: { final: version !== null, version: version ?? 0, code } },
    data.layout,
  );
  const fileName =
    version === null
      ? data.fileName.replace(/\.docx$/, ' (draf).docx')
      : data.fileName.replace(/\.docx$/, ` v${version}.docx`);
  return { file: { fileName, mime: DOCX_MIME, bytes }, code };
}
