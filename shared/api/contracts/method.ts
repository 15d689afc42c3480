import { z } from '../zod-vi';
import type { Role } from '../../domain/workflow/roles';

/**
 * Who may call a method, enforced in dispatch (never only by hiding buttons): 'public' needs no login,
 * 'user' any signed-in user, a role list any of those roles. Workflow actions check finer rules themselves.
 */
export type Access = 'public' | 'user' | readonly Role[];

export interface MethodSpec {
  access: Access;
  input: z.ZodType;
  output: z.ZodType;
}

export const empty = z.object({}).strict();
export const ADMIN = ['admin'] as const;
export const DESK = ['clerk', 'admin'] as const;
export const LEADERS = ['unit_leader', 'director', 'admin'] as const;
