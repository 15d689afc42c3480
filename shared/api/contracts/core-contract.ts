import { z } from '../zod-vi';
import { appInfoSchema } from '../schemas/app';
import { settingsInputSchema, settingsSchema } from '../schemas/settings';
import { procedureConfigureInput, procedureViewSchema } from '../schemas/procedures';
import {
  changePasswordInput,
  loginInput,
  loginOutput,
  resetPasswordInput,
  userCreateInput,
  userSchema,
  userUpdateInput,
} from '../schemas/users';
import { ADMIN, empty, type MethodSpec } from './method';

/** The application, its settings, the procedure catalogue, accounts and sessions. */
export const coreContract = {
  'app.info': { access: 'public', input: empty, output: appInfoSchema },
  'settings.get': { access: 'user', input: empty, output: settingsSchema },
  'settings.update': { access: ADMIN, input: settingsInputSchema, output: settingsSchema },
  'procedures.list': {
    access: 'user',
    input: z.object({ includeUnconfigured: z.boolean().default(true) }),
    output: z.array(procedureViewSchema),
  },
  'procedures.configure': { access: ADMIN, input: procedureConfigureInput, output: procedureViewSchema },
  'auth.login': { access: 'public', input: loginInput, output: loginOutput },
  'auth.logout': { access: 'user', input: empty, output: z.object({ ok: z.literal(true) }) },
  'auth.me': { access: 'user', input: empty, output: userSchema },
  'auth.changePassword': { access: 'user', input: changePasswordInput, output: userSchema },
  'users.list': { access: ADMIN, input: empty, output: z.array(userSchema) },
  'users.create': { access: ADMIN, input: userCreateInput, output: userSchema },
  'users.update': { access: ADMIN, input: userUpdateInput, output: userSchema },
  'users.resetPassword': { access: ADMIN, input: resetPasswordInput, output: userSchema },
} as const satisfies Record<string, MethodSpec>;
