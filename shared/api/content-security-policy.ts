/**
 * One Content-Security-Policy for the renderer, sent by the Electron app:// protocol and by the web edition.
 * Mantine injects <style> elements at run time, hence 'unsafe-inline' for styles only; scripts are 'self'
 * with no 'unsafe-eval'. frame-src allows blob: for in-app PDF previews; frame-ancestors forbids framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
