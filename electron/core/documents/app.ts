import type { documentOps } from '../../../shared/contract/documents';
import type { SliceImplementations } from '../handlers';
import type { DocumentService } from './service';

/** The document operations of the contract, on the document service. */
export function documentApp(documents: DocumentService): SliceImplementations<typeof documentOps> {
  return {
    'documents.attendanceList': ({ dayId, blank, copy }) => documents.attendanceList(dayId, blank, copy),
    'documents.rundown': ({ workshopId }) => documents.rundown(workshopId),
    'documents.groupOutputs': ({ workshopId }) => documents.groupOutputs(workshopId),
    'documents.recap': ({ engagementId, format }) => documents.recap(engagementId, format),
  };
}
