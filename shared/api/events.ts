/** Events the backend pushes to the renderer (progress of long jobs, data changed elsewhere). */
export type AppEvent =
  | { type: 'dossiers.changed'; payload: { ids: number[] } }
  | { type: 'job.progress'; payload: { jobId: string; done: number; total: number; label: string } };
