type Env = {
  (key: string, fallback?: string): string;
  bool(key: string, fallback?: boolean): boolean;
};

export default ({ env }: { env: Env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  // Newsroom machines are often headless; nothing should try to open a browser or phone home.
  autoOpen: false,
  flags: { nps: false, promoteEE: false },
  // Strapi AI (media metadata, localizations, the schema chat) calls Strapi's AI servers; it needs an
  // Enterprise licence, and stays off with one too.
  ai: { enabled: false },
});
