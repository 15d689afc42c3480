import { z } from 'zod';

// Every validation message a user can see is Vietnamese; field-specific messages override these defaults.
z.config(z.locales.vi());

export { z };
