import type {
  BlockSummary,
  CheckScoreInput,
  CriteriaSaveInput,
  ProposalInput,
  RotationInput,
  ScoringBoard,
  SelfScoreInput,
  Sheet,
} from '../../../../shared/scoring/scoring.schema';
import { api, upload } from '../../../lib/api';

export const listScoringBlocks = (year?: number) => api.get<BlockSummary[]>('/scoring/blocks', { year });
export const getBoard = (blockId: string) => api.get<ScoringBoard>(`/scoring/blocks/${blockId}`);
export const saveCriteria = (blockId: string, input: CriteriaSaveInput) =>
  api.put<ScoringBoard>(`/scoring/blocks/${blockId}/criteria`, input);
export const copyCriteria = (blockId: string) =>
  api.post<ScoringBoard>(`/scoring/blocks/${blockId}/criteria/copy`, {});
export const openScoring = (blockId: string, version: number) =>
  api.post<ScoringBoard>(`/scoring/blocks/${blockId}/open`, { version });
export const saveSelfScores = (sheetId: string, input: SelfScoreInput) =>
  api.put<Sheet>(`/scoring/sheets/${sheetId}/self`, input);
export const saveChecks = (sheetId: string, input: CheckScoreInput) =>
  api.put<Sheet>(`/scoring/sheets/${sheetId}/check`, input);
export const lockScoring = (blockId: string, version: number, meetingNote: string) =>
  api.post<ScoringBoard>(`/scoring/blocks/${blockId}/lock`, { version, meetingNote });
export const propose = (blockId: string, input: ProposalInput) =>
  api.put<ScoringBoard>(`/scoring/blocks/${blockId}/proposal`, input);
export const makeProposalDossier = (blockId: string) =>
  api.post<ScoringBoard>(`/scoring/blocks/${blockId}/proposal/dossier`, {});
export const uploadEvidence = (sheetId: string, criterionId: string, file: File, csrf: string) =>
  upload<Sheet>(`/api/scoring/sheets/${sheetId}/evidence?criterionId=${criterionId}`, file, csrf);
export const rotate = (blockId: string, input: RotationInput) =>
  api.post<ScoringBoard>(`/scoring/blocks/${blockId}/rotation`, input);

export const rankingExportUrl = (blockId: string, format: 'xlsx' | 'docx') =>
  `/api/scoring/blocks/${blockId}/ranking/export?format=${format}`;
export const sheetExportUrl = (sheetId: string, format: 'xlsx' | 'docx') =>
  `/api/scoring/sheets/${sheetId}/export?format=${format}`;
